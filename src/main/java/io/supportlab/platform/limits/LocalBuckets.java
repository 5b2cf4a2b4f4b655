package io.supportlab.platform.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket4j buckets in this instance's memory, with a bound on how many clients are remembered per
 * limit. A client idle for a whole period has a full bucket again, so forgetting it then changes
 * nothing. Counts are per instance: right for SQLite, where there is one.
 */
final class LocalBuckets implements Buckets {

    static final int MAX_CLIENTS = 100_000;

    private final Map<String, Counted> limits = new ConcurrentHashMap<>();
    private final TimeMeter time;

    /** Buckets that refill by {@code clock}, the application's (tests move it). */
    LocalBuckets(Clock clock) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** A limit's bandwidth and its buckets by client. */
    private record Counted(Bandwidth bandwidth, TimeMeter time, Cache<String, Bucket> buckets) {

        Bucket bucket(String client) {
            return buckets.get(
                    client,
                    key -> Bucket.builder()
                            .addLimit(bandwidth)
                            .withCustomTimePrecision(time)
                            .build());
        }
    }

    @Override
    public RateLimiter.Decision consume(RateLimit limit, String client, long tokens) {
        ConsumptionProbe probe = counted(limit).bucket(client).tryConsumeAndReturnRemaining(tokens);
        return probe.isConsumed()
                ? new RateLimiter.Decision(true, Duration.ZERO)
                : new RateLimiter.Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void refund(RateLimit limit, String client, long tokens) {
        counted(limit).bucket(client).addTokens(tokens);
    }

    @Override
    public void forgetFull() {
        // Caffeine forgets a bucket once it has been idle for its limit's period.
    }

    private Counted counted(RateLimit limit) {
        return limits.computeIfAbsent(
                limit.name(),
                name -> new Counted(
                        Bandwidth.builder()
                                .capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.period())
                                .build(),
                        time,
                        Caffeine.newBuilder()
                                .maximumSize(MAX_CLIENTS)
                                .expireAfterAccess(limit.period())
                                .build()));
    }
}
