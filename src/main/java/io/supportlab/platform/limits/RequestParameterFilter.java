package io.supportlab.platform.limits;

import io.supportlab.platform.problems.ProblemResponseWriter;
import io.supportlab.platform.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query and form parameters as every controller sees them: broken percent-encoding answers 400
 * with a problem (instead of surfacing later as a server error), and NUL characters are dropped
 * (PostgreSQL cannot store them; JSON strings get the same treatment when they are read).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestParameterFilter extends OncePerRequestFilter {

    private final ProblemResponseWriter problems;

    RequestParameterFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) { // Tomcat's InvalidParameterException: undecodable parameters
            problems.write(request, response, Problems.badParameters());
            return;
        }
        chain.doFilter(hasNul(parameters) ? new WithoutNul(request, parameters) : request, response);
    }

    private static boolean hasNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class WithoutNul extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        WithoutNul(HttpServletRequest request, Map<String, String[]> original) {
            super(request);
            original.forEach((name, values) -> {
                String[] cleaned = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    cleaned[i] = values[i].replace("\0", "");
                }
                parameters.merge(name.replace("\0", ""), cleaned, (a, b) -> a);
            });
        }

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
