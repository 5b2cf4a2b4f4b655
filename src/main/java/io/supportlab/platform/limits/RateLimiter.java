package io.supportlab.platform.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.supportlab.platform.SupportLabProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One token bucket per rate-limit group and client, kept in memory with a bound on how many
 * clients are remembered. A client idle for a whole period has a full bucket again, so forgetting
 * it then changes nothing. Limits are per application instance.
 */
@Component
public class RateLimiter {

    static final int MAX_CLIENTS = 100_000;

    private static final String LIMITED_CLIENT = RateLimiter.class.getName() + ".client";

    /** The outcome of one request: allowed, or refused until {@code retryAfter}. */
    public record Decision(boolean allowed, Duration retryAfter) {}

    private final boolean enabled;
    private final Map<RateLimitGroup, Cache<String, Bucket>> buckets = new EnumMap<>(RateLimitGroup.class);
    private final Map<RateLimitGroup, Bandwidth> bandwidths = new EnumMap<>(RateLimitGroup.class);

    RateLimiter(SupportLabProperties properties) {
        SupportLabProperties.RateLimits limits = properties.rateLimits();
        this.enabled = limits.enabled();
        for (RateLimitGroup group : RateLimitGroup.values()) {
            SupportLabProperties.Limit limit = limits.of(group);
            bandwidths.put(
                    group,
                    Bandwidth.builder()
                            .capacity(limit.requireCapacity())
                            .refillGreedy(limit.requireCapacity(), limit.requirePeriod())
                            .build());
            buckets.put(
                    group,
                    Caffeine.newBuilder()
                            .maximumSize(MAX_CLIENTS)
                            .expireAfterAccess(limit.requirePeriod())
                            .build());
        }
    }

    /** Takes one request of {@code client} in {@code group} from its bucket. */
    public Decision consume(RateLimitGroup group, String client) {
        return consume(group, client, 1);
    }

    /**
     * Takes {@code tokens} (events, bytes) of {@code client} in {@code group} at once, or none. More
     * than the group's whole capacity is taken as the capacity, once the bucket is full: refusing
     * it would refuse it forever.
     */
    public Decision consume(RateLimitGroup group, String client, long tokens) {
        if (!enabled || tokens <= 0) {
            return new Decision(true, Duration.ZERO);
        }
        long wanted = Math.min(tokens, bandwidths.get(group).getCapacity());
        ConsumptionProbe probe = bucket(group, client).tryConsumeAndReturnRemaining(wanted);
        return probe.isConsumed()
                ? new Decision(true, Duration.ZERO)
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Gives back tokens taken by {@link #consume(RateLimitGroup, String, long)} for something that
     * then did not happen (another limit refused it).
     */
    public void refund(RateLimitGroup group, String client, long tokens) {
        if (enabled) {
            bucket(group, client)
                    .addTokens(Math.min(tokens, bandwidths.get(group).getCapacity()));
        }
    }

    /**
     * The client key under which {@link RateLimitFilter} counted {@code request}; empty when the
     * request is not limited (signed-in staff, or a path of no group).
     */
    public static Optional<String> limitedClient(HttpServletRequest request) {
        return request.getAttribute(LIMITED_CLIENT) instanceof String client ? Optional.of(client) : Optional.empty();
    }

    static void markLimited(HttpServletRequest request, String client) {
        request.setAttribute(LIMITED_CLIENT, client);
    }

    private Bucket bucket(RateLimitGroup group, String client) {
        return buckets.get(group)
                .get(
                        client,
                        key -> Bucket.builder().addLimit(bandwidths.get(group)).build());
    }
}
