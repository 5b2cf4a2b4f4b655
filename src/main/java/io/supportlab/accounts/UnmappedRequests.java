package io.supportlab.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Requests for a URL no controller answers. They are let through to the dispatcher, which answers
 * 404 (a page, or problem+json for the API): asking an anonymous visitor to log in for a page that
 * does not exist would send them down a wrong path. A known URL with the wrong method still counts
 * as mapped, so it keeps its protection. Actuator endpoints have a handler mapping of their own and
 * are never treated as unmapped.
 */
final class UnmappedRequests implements RequestMatcher {

    private final RequestMappingHandlerMapping controllers;

    UnmappedRequests(RequestMappingHandlerMapping controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/actuator") || path.startsWith("/actuator/")) {
            return false;
        }
        try {
            return controllers.getHandler(request) == null;
        } catch (Exception knownPathOtherMethodOrMediaType) {
            return false;
        }
    }
}
