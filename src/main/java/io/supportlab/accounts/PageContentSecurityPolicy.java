package io.supportlab.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy of pages: only our own scripts and styles, no inline script, no
 * framing. Swagger UI, a third-party page, sets inline styles as it renders; on its path alone
 * inline styles are allowed (inline scripts still are not).
 */
final class PageContentSecurityPolicy implements HeaderWriter {

    /**
     * htmx is configured (in the layout) not to inject its indicator styles, which would need
     * 'unsafe-inline'.
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String API_DOCS_POLICY = POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

    private static final String HEADER = "Content-Security-Policy";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(HEADER)) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            response.setHeader(HEADER, path.startsWith("/swagger-ui") ? API_DOCS_POLICY : POLICY);
        }
    }
}
