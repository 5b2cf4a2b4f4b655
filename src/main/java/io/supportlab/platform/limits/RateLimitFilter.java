package io.supportlab.platform.limits;

import io.supportlab.platform.problems.DatabaseFailures;
import io.supportlab.platform.problems.ProblemResponseWriter;
import io.supportlab.platform.problems.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} when a client sends more requests to a public endpoint
 * route than the limit its feature declared allows. Runs after Spring Security (order -100), so that signed-in staff,
 * who file tickets for customers and are accountable for what they do, are not limited.
 */
@Component
@Order(RateLimitFilter.ORDER)
class RateLimitFilter extends OncePerRequestFilter {

    static final int ORDER = -90;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final ProblemResponseWriter problems;

    RateLimitFilter(RateLimiter limiter, ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimit> limit = limiter.limitOf(request);
        if (limit.isPresent() && !signedInStaff()) {
            String client = ClientAddress.key(request);
            RateLimiter.Decision decision;
            try {
                decision = limiter.consume(limit.get(), client);
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    throw e;
                }
                unavailable(request, response, e);
                return;
            }
            if (!decision.allowed()) {
                refuse(request, response, limit.get(), decision.retryAfter());
                return;
            }
            // The handler may count more than the request (tracked events and their bytes).
            RateLimiter.markLimited(request, client);
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RateLimit limit, Duration wait)
            throws IOException {
        TooManyRequestsException refusal = new TooManyRequestsException(
                limit.name(), wait, "Too many requests from your address to " + limit.name());
        response.setHeader(HttpHeaders.RETRY_AFTER, refusal.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        if (request.getServletPath().startsWith("/api/")) {
            problems.write(request, response, refusal.getBody());
        } else {
            response.sendError(
                    HttpStatus.TOO_MANY_REQUESTS.value(), refusal.getBody().getDetail());
        }
    }

    /**
     * On PostgreSQL the buckets are in the database: while it cannot be reached (or no connection is
     * free within the pool's timeout) the request is not served, with 503 and {@code Retry-After} as
     * any request that needs the database gets, and one line in the log instead of a stack trace
     * per request.
     */
    private void unavailable(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
            throws IOException {
        log.warn("Database unavailable for a rate limit: {}", e.getMessage());
        if (request.getServletPath().startsWith("/api/")) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
            problems.write(request, response, DatabaseFailures.problem());
        } else {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    private static boolean signedInStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(a -> a.equals("ROLE_AGENT") || a.equals("ROLE_ADMIN"));
    }
}
