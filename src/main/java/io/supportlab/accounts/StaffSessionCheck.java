package io.supportlab.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff member's page session on their first request after their account was deactivated,
 * given another role or a new password: the session remembers the account's security stamp from the
 * login, and every request compares it with the row (one primary-key read). An ended session goes
 * to the login page with a message; an htmx request is told to go there. The check reads the
 * database, not anything held by this instance, so it holds for sessions on every instance.
 *
 * <p>API calls need no such check: HTTP Basic checks the password and the account on every call,
 * and an API token stops with its owner's account.
 */
final class StaffSessionCheck extends OncePerRequestFilter {

    static final String ENDED = "/login?ended";

    /** Static files carry nothing of the account; checking them would triple the reads per page. */
    private static final RequestMatcher ASSETS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/css/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/js/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/images/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/webjars/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/favicon.ico"));

    private final UserRepository users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    StaffSessionCheck(UserRepository users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ASSETS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal staff
                && !stillValid(staff)) {
            end(request);
            if ("true".equals(request.getHeader("HX-Request"))) {
                // A redirect would be followed by htmx and the login page swapped into a fragment.
                response.setHeader("HX-Redirect", ENDED);
            } else {
                response.sendRedirect(ENDED);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(StaffPrincipal staff) {
        return users.findSignInState(staff.userId())
                .filter(state -> state.active() && state.securityStamp() == staff.securityStamp())
                .isPresent();
    }

    private void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        contexts.clearContext();
    }
}
