package io.supportlab.platform.limits;

import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.problems.ProblemResponseWriter;
import io.supportlab.platform.problems.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 431 with a problem when the request line and headers together pass {@code
 * supportlab.http.max-header-size}. Tomcat's own, larger limit ({@code
 * server.max-http-request-header-size}) stays as a hard cap for what it will parse at all; between
 * the two, clients get this clear answer instead of Tomcat's bare 400.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestHeaderLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemResponseWriter problems;

    RequestHeaderLimitFilter(SupportLabProperties properties, ProblemResponseWriter problems) {
        this.maxBytes = properties.http().maxHeaderSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (size(request) > maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request line and headers are larger than the limit of " + maxBytes + " bytes");
            problem.setType(ProblemTypes.HEADERS_TOO_LARGE);
            problem.setTitle("Request headers too large");
            problem.setProperty("max_bytes", maxBytes);
            problems.write(request, response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Roughly the bytes on the wire: request line, then each "Name: value" line. */
    private static long size(HttpServletRequest request) {
        long size = request.getMethod().length() + request.getRequestURI().length() + 12;
        if (request.getQueryString() != null) {
            size += request.getQueryString().length() + 1;
        }
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                size += name.length() + values.nextElement().length() + 4;
            }
        }
        return size;
    }
}
