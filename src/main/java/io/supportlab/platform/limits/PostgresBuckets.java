package io.supportlab.platform.limits;

import io.supportlab.platform.persistence.Pseudonyms;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets in PostgreSQL ({@code rate_limit_buckets}), shared by every instance on the
 * database, so N instances allow what one does. A bucket is one moment: when it is full again (the
 * generic cell rate algorithm, equivalent to a token bucket that refills continuously, as Bucket4j's
 * greedy refill does). Each token moves that moment on by period / capacity; a request is allowed
 * when its tokens fit, that is when the moment stays within one period from now.
 *
 * <p>One statement per request, one round trip: an upsert that reads, decides and writes the row
 * under its row lock, so concurrent requests on any instance are counted one after the other. Times
 * come from the application's clock (tests move it), never from the database's. Clients are stored
 * as their keyed hash. Inside a caller's transaction the statement joins it, so a consumption
 * rolled back with what it was for is given back.
 */
final class PostgresBuckets implements Buckets {

    private static final String CONSUME = """
            INSERT INTO rate_limit_buckets AS b (limit_name, client, full_at, granted)
            VALUES (:limit, :client, :now + :cost, TRUE)
            ON CONFLICT (limit_name, client) DO UPDATE SET
                granted = GREATEST(b.full_at, :now) + :cost - :now <= :period,
                full_at = CASE WHEN GREATEST(b.full_at, :now) + :cost - :now <= :period
                               THEN GREATEST(b.full_at, :now) + :cost ELSE b.full_at END
            RETURNING full_at, granted
            """;

    private static final String REFUND =
            "UPDATE rate_limit_buckets SET full_at = full_at - :cost WHERE limit_name = :limit AND client = :client";

    private static final String FORGET_FULL = "DELETE FROM rate_limit_buckets WHERE full_at < :now";

    private final JdbcClient jdbc;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    PostgresBuckets(JdbcClient jdbc, Pseudonyms pseudonyms, Clock clock) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** The bucket's moment and whether this request's tokens were taken. */
    private record Outcome(long fullAt, boolean granted) {}

    @Override
    public RateLimiter.Decision consume(RateLimit limit, String client, long tokens) {
        long now = nanos(Instant.now(clock));
        long cost = cost(limit, tokens);
        long period = limit.period().toNanos();
        Outcome outcome = jdbc.sql(CONSUME)
                .param("limit", limit.name())
                .param("client", pseudonyms.of(client))
                .param("now", now)
                .param("cost", cost)
                .param("period", period)
                .query((rs, n) -> new Outcome(rs.getLong("full_at"), rs.getBoolean("granted")))
                .single();
        return outcome.granted()
                ? new RateLimiter.Decision(true, Duration.ZERO)
                // The moment when the bucket, refilling, has room for these tokens.
                : new RateLimiter.Decision(false, Duration.ofNanos(outcome.fullAt() + cost - now - period));
    }

    @Override
    public void refund(RateLimit limit, String client, long tokens) {
        // A moment moved back past now is a full bucket, as refunding beyond the capacity is.
        jdbc.sql(REFUND)
                .param("cost", cost(limit, tokens))
                .param("limit", limit.name())
                .param("client", pseudonyms.of(client))
                .update();
    }

    /** Idempotent, so every instance may run it. */
    @Override
    public void forgetFull() {
        jdbc.sql(FORGET_FULL).param("now", nanos(Instant.now(clock))).update();
    }

    /**
     * Nanoseconds of refill that {@code tokens} stand for, rounded down: capacity single tokens
     * then never take more than one period, so a full bucket holds the whole capacity.
     */
    static long cost(RateLimit limit, long tokens) {
        return BigInteger.valueOf(tokens)
                .multiply(BigInteger.valueOf(limit.period().toNanos()))
                .divide(BigInteger.valueOf(limit.capacity()))
                .longValueExact();
    }

    private static long nanos(Instant instant) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, instant);
    }
}
