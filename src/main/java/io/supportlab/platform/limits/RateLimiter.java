package io.supportlab.platform.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.supportlab.platform.SupportLabProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One token bucket per declared {@link RateLimit} and client, kept in memory with a bound on how
 * many clients are remembered. A client idle for a whole period has a full bucket again, so
 * forgetting it then changes nothing. Limits are per application instance.
 */
@Component
public class RateLimiter {

    static final int MAX_CLIENTS = 100_000;

    private static final String LIMITED_CLIENT = RateLimiter.class.getName() + ".client";

    /** The outcome of one request: allowed, or refused until {@code retryAfter}. */
    public record Decision(boolean allowed, Duration retryAfter) {}

    private final boolean enabled;
    private final Map<String, Counted> limits = new LinkedHashMap<>();

    /** A limit as configured, and its buckets by client. */
    private record Counted(RateLimit limit, Bandwidth bandwidth, Cache<String, Bucket> buckets) {}

    @Autowired
    RateLimiter(SupportLabProperties properties, List<RateLimit> declared, Environment environment) {
        this(properties, declared, Binder.get(environment));
    }

    RateLimiter(SupportLabProperties properties, List<RateLimit> declared, Binder settings) {
        this.enabled = properties.rateLimits().enabled();
        for (RateLimit declaration : declared) {
            RateLimit limit = settings.bind("supportlab.rate-limits." + declaration.name(), Setting.class)
                    .map(setting -> declaration.overriddenBy(setting.capacity(), setting.period()))
                    .orElse(declaration);
            Counted previous = limits.put(
                    limit.name(),
                    new Counted(
                            limit,
                            Bandwidth.builder()
                                    .capacity(limit.capacity())
                                    .refillGreedy(limit.capacity(), limit.period())
                                    .build(),
                            Caffeine.newBuilder()
                                    .maximumSize(MAX_CLIENTS)
                                    .expireAfterAccess(limit.period())
                                    .build()));
            if (previous != null) {
                throw new IllegalStateException("Two rate limits are named " + limit.name());
            }
        }
    }

    /** {@code supportlab.rate-limits.<name>}: either may be left out to keep the declared default. */
    record Setting(@Nullable Long capacity, @Nullable Duration period) {}

    /** The limit as configured: the declaration with the settings' capacity and period. */
    public RateLimit configured(RateLimit limit) {
        return counted(limit).limit();
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
        Counted counted = counted(limit);
        long wanted = Math.min(tokens, counted.bandwidth().getCapacity());
        ConsumptionProbe probe = bucket(counted, client).tryConsumeAndReturnRemaining(wanted);
        return probe.isConsumed()
                ? new Decision(true, Duration.ZERO)
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Gives back tokens taken by {@link #consume(RateLimit, String, long)} for something that then
     * did not happen (another limit refused it).
     */
    public void refund(RateLimit limit, String client, long tokens) {
        if (enabled) {
            Counted counted = counted(limit);
            bucket(counted, client)
                    .addTokens(Math.min(tokens, counted.bandwidth().getCapacity()));
        }
    }

    /** The limit that counts {@code request}, if a feature declared its route. */
    Optional<RateLimit> limitOf(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return limits.values().stream()
                .map(Counted::limit)
                .filter(limit -> limit.counts(method, path, name -> request.getParameter(name) != null))
                .findFirst();
    }

    /** Whether a request to {@code concretePath} may count against a limit (for the API description). */
    public boolean mayLimit(String method, String concretePath) {
        return limits.values().stream()
                .flatMap(counted -> counted.limit().routes().stream())
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

    private Counted counted(RateLimit limit) {
        Counted counted = limits.get(limit.name());
        if (counted == null) {
            throw new IllegalStateException("Rate limit " + limit.name() + " is used but not declared as a bean");
        }
        return counted;
    }

    private static Bucket bucket(Counted counted, String client) {
        return counted.buckets()
                .get(
                        client,
                        key -> Bucket.builder().addLimit(counted.bandwidth()).build());
    }
}
