package io.supportlab.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One token bucket per rate-limit group and client, kept in memory with a bound on how many
 * clients are remembered. A client idle for a whole period has a full bucket again, so forgetting
 * it then changes nothing. Limits are per application instance.
 */
@Component
public class RateLimiter {

    static final int MAX_CLIENTS = 100_000;

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
        if (!enabled) {
            return new Decision(true, Duration.ZERO);
        }
        Bucket bucket = buckets.get(group)
                .get(
                        client,
                        key -> Bucket.builder().addLimit(bandwidths.get(group)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? new Decision(true, Duration.ZERO)
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
