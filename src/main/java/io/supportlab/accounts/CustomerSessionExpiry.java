package io.supportlab.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a customer's session when the access link it was made from expires. The servlet session
 * only has an idle timeout, which every page view renews, so it would otherwise outlive the link
 * for as long as the customer keeps clicking. Runs before authorization: the expired customer is
 * anonymous again and sent to ask for a new link.
 */
class CustomerSessionExpiry extends OncePerRequestFilter {

    private static final String ENDS_AT = CustomerSessionExpiry.class.getName() + ".endsAt";

    private final Clock clock;

    CustomerSessionExpiry(Clock clock) {
        this.clock = clock;
    }

    /** Makes {@code session} end at {@code endsAt}, and the container drop it if idle until then. */
    static void endSessionAt(HttpSession session, Instant endsAt, Clock clock) {
        session.setAttribute(ENDS_AT, endsAt);
        long seconds = Duration.between(Instant.now(clock), endsAt).toSeconds();
        int idle = session.getMaxInactiveInterval();
        if (idle <= 0 || seconds < idle) {
            session.setMaxInactiveInterval((int) Math.max(1, seconds));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(ENDS_AT) instanceof Instant endsAt
                && !Instant.now(clock).isBefore(endsAt)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
