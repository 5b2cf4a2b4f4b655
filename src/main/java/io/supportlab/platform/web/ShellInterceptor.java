package io.supportlab.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Adds the {@link Shell} to every rendered page, so page controllers only supply their content. */
class ShellInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = "shell";
    static final String FLASH = "flash";
    private static final String LOGIN = "/login";

    @Override
    public void postHandle(
            HttpServletRequest request,
            HttpServletResponse response,
            Object handler,
            @Nullable ModelAndView modelAndView) {
        if (modelAndView == null || modelAndView.getModel().containsKey(ATTRIBUTE) || isRedirect(modelAndView)) {
            return;
        }
        modelAndView.addObject(ATTRIBUTE, shell(request));
    }

    static Shell shell(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Shell.Viewer viewer = viewer();
        // Reading the token creates a session. Anonymous visitors of public pages need none (their
        // forms are exempt from CSRF, there being no login to ride on), except on the login form.
        boolean needsToken = csrf != null && (viewer != null || path.equals(LOGIN));
        return new Shell(
                viewer,
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "_csrf" : csrf.getParameterName(),
                needsToken ? csrf.getToken() : "",
                flash(request),
                path);
    }

    private static Shell.@Nullable Viewer viewer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        boolean admin = hasAuthority(auth, "ROLE_ADMIN");
        boolean staff = admin || hasAuthority(auth, "ROLE_AGENT");
        return new Shell.Viewer(auth.getName(), staff, admin);
    }

    private static boolean hasAuthority(Authentication auth, String authority) {
        return auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    private static Shell.@Nullable Flash flash(HttpServletRequest request) {
        Map<String, ?> flashMap = RequestContextUtils.getInputFlashMap(request);
        return flashMap != null && flashMap.get(FLASH) instanceof Shell.Flash flash ? flash : null;
    }

    private static boolean isRedirect(ModelAndView modelAndView) {
        String view = modelAndView.getViewName();
        return view != null && view.startsWith("redirect:");
    }
}
