package io.supportlab.platform.limits;

import io.supportlab.platform.SupportLabProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * One token bucket per declared {@link RateLimit} and client. Where the buckets live depends on
 * the database ({@link RateLimitConfiguration}): in memory on SQLite, where one instance runs; in
 * PostgreSQL otherwise, so that every instance counts against the same buckets and N instances
 * allow what one does.
 */
public class RateLimiter {

    private static final String LIMITED_CLIENT = RateLimiter.class.getName() + ".client";

    /** The outcome of one request: allowed, or refused until {@code retryAfter}. */
    public record Decision(boolean allowed, Duration retryAfter) {}

    private final boolean enabled;
    private final Buckets buckets;
    private final Map<String, RateLimit> limits = new LinkedHashMap<>();

    RateLimiter(SupportLabProperties properties, List<RateLimit> declared, Binder settings, Buckets buckets) {
        this.enabled = properties.rateLimits().enabled();
        this.buckets = buckets;
        for (RateLimit declaration : declared) {
            RateLimit limit = settings.bind("supportlab.rate-limits." + declaration.name(), Setting.class)
                    .map(setting -> declaration.overriddenBy(setting.capacity(), setting.period()))
                    .orElse(declaration);
            RateLimit previous = limits.put(limit.name(), limit);
            if (previous != null) {
                throw new IllegalStateException("Two rate limits are named " + limit.name());
            }
        }
    }

    /** {@code supportlab.rate-limits.<name>}: either may be left out to keep the declared default. */
    record Setting(@Nullable Long capacity, @Nullable Duration period) {}

    /** The limit as configured: the declaration with the settings' capacity and period. */
    public RateLimit configured(RateLimit limit) {
        RateLimit configured = limits.get(limit.name());
        if (configured == null) {
            throw new IllegalStateException("Rate limit " + limit.name() + " is used but not declared as a bean");
        }
        return configured;
    }

    /** Takes one request of {@code client} under {@code limit} from its bucket. */
    public Decision consume(RateLimit limit, String client) {
        return consume(limit, client, 1);
    }

    /**
     * Takes {@code tokens} (events, bytes) of {@code client} under {@code limit} at once, or none.
     * More than the limit's whole capacity is taken as the capacity, once the bucket is full:
     * refusing it would refuse it forever.
     */
    public Decision consume(RateLimit limit, String client, long tokens) {
        if (!enabled || tokens <= 0) {
            return new Decision(true, Duration.ZERO);
        }
        RateLimit configured = configured(limit);
        return buckets.consume(configured, client, Math.min(tokens, configured.capacity()));
    }

    /**
     * Gives back tokens taken by {@link #consume(RateLimit, String, long)} for something that then
     * did not happen (another limit refused it).
     */
    public void refund(RateLimit limit, String client, long tokens) {
        if (enabled && tokens > 0) {
            RateLimit configured = configured(limit);
            buckets.refund(configured, client, Math.min(tokens, configured.capacity()));
        }
    }

    /**
     * Forgets buckets that are full again, so shared state does not grow with every client ever
     * seen (scheduled once per cluster by {@link LimitJobs}).
     */
    void forgetFullBuckets() {
        buckets.forgetFull();
    }

    /** The limit that counts {@code request}, if a feature declared its route. */
    Optional<RateLimit> limitOf(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return limits.values().stream()
                .filter(limit -> limit.counts(method, path, name -> request.getParameter(name) != null))
                .findFirst();
    }

    /** Whether a request to {@code concretePath} may count against a limit (for the API description). */
    public boolean mayLimit(String method, String concretePath) {
        return limits.values().stream()
                .flatMap(limit -> limit.routes().stream())
                .anyMatch(route -> route.mayCount(method, concretePath));
    }

    /**
     * The client key under which {@link RateLimitFilter} counted {@code request}; empty when the
     * request is not limited (signed-in staff, or a path no limit counts).
     */
    public static Optional<String> limitedClient(HttpServletRequest request) {
        return request.getAttribute(LIMITED_CLIENT) instanceof String client ? Optional.of(client) : Optional.empty();
    }

    static void markLimited(HttpServletRequest request, String client) {
        request.setAttribute(LIMITED_CLIENT, client);
    }
}
