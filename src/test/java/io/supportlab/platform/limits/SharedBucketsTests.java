package io.supportlab.platform.limits;

import static io.supportlab.platform.limits.RateLimiterTests.GROUP;
import static io.supportlab.platform.limits.RateLimiterTests.limiter;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.persistence.Pseudonyms;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.MutableClock;
import io.supportlab.testing.UsePostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Buckets in PostgreSQL, shared by every instance on the database: the same behaviour as in memory,
 * and two instances (each with its own {@link PostgresBuckets} behind its own {@link
 * PrefetchingBuckets}, as two application instances have) allow together exactly what one allows,
 * however their requests interleave; for a busy client, never more.
 */
@UsePostgres
class SharedBucketsTests extends IntegrationTest implements BucketBehaviour {

    @Autowired
    Pseudonyms pseudonyms;

    final MutableClock clock = new MutableClock();

    @Override
    public Buckets buckets() {
        return new PostgresBuckets(jdbc, pseudonyms, clock);
    }

    /** What the application runs on PostgreSQL: the shared store with tokens taken ahead per instance. */
    Buckets instanceBuckets() {
        return new PrefetchingBuckets(buckets(), clock);
    }

    @Test
    void twoInstancesAllowExactlyTheCapacityInTotalUnderConcurrentRequests() throws Exception {
        assertThat(allowedOf(200, instanceBuckets(), instanceBuckets(), 50)).isEqualTo(50);
        // Either instance now refuses this client, and still serves another.
        RateLimiter first = limiter("true", 50, instanceBuckets());
        assertThat(first.consume(GROUP, "198.51.100.1").allowed()).isFalse();
        assertThat(limiter("true", 50, buckets()).consume(GROUP, "198.51.100.1").allowed())
                .isFalse();
        assertThat(first.consume(GROUP, "198.51.100.2").allowed()).isTrue();
    }

    @Test
    void twoInstancesTakingTokensAheadForABusyClientNeverAllowMoreThanTheSharedBucket() throws Exception {
        PrefetchingBucketsTests.CountingStore store = new PrefetchingBucketsTests.CountingStore(buckets());
        int allowed = allowedOf(8000, new PrefetchingBuckets(store, clock), new PrefetchingBuckets(store, clock), 6400);
        // Each instance may end holding up to 64 tokens it did not hand out.
        assertThat(allowed).isBetween(6400 - 2 * 64, 6400);
        assertThat(store.tokens.get()).isEqualTo(6400);
        assertThat(store.trips.get()).isLessThan(8000 / 4);
    }

    /** How many of {@code requests} from one client, spread over two instances, were allowed. */
    private int allowedOf(int requests, Buckets first, Buckets second, long capacity) throws Exception {
        List<RateLimiter> instances = List.of(limiter("true", capacity, first), limiter("true", capacity, second));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < requests; i++) {
                RateLimiter instance = instances.get(i % 2);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return instance.consume(GROUP, "198.51.100.1").allowed();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> outcome : outcomes) {
                allowed += outcome.get() ? 1 : 0;
            }
            return allowed;
        }
    }

    @Test
    void aRefusalSaysWhenTheNextTokenIsBackAndItIsThenByTheApplicationsClock() {
        RateLimiter limiter = limiter("true", 10, buckets());
        assertThat(limiter.consume(GROUP, "a", 10).allowed()).isTrue();
        // 10 per hour: one token comes back every 6 minutes.
        assertThat(limiter.consume(GROUP, "a").retryAfter()).isEqualTo(Duration.ofMinutes(6));
        clock.advance(Duration.ofMinutes(3));
        assertThat(limiter.consume(GROUP, "a", 1).retryAfter()).isEqualTo(Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(3));
        assertThat(limiter.consume(GROUP, "a").allowed()).isTrue();
        assertThat(limiter.consume(GROUP, "a").allowed()).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.consume(GROUP, "a", 10).allowed()).isTrue();
    }

    @Test
    void fullBucketsAreForgottenAndTheOthersKept() {
        RateLimiter limiter = limiter("true", 10, buckets());
        limiter.consume(GROUP, "a", 10);
        clock.advance(Duration.ofMinutes(30));
        limiter.consume(GROUP, "b", 10);
        clock.advance(Duration.ofMinutes(31));
        limiter.forgetFullBuckets();
        // a's bucket was full again after an hour, b's is still 29 minutes short of full.
        assertThat(count()).isEqualTo(1);
        assertThat(limiter.consume(GROUP, "a", 10).allowed()).isTrue();
        assertThat(limiter.consume(GROUP, "b", 10).allowed()).isFalse();
    }

    @Test
    void clientsAreStoredAsKeyedHashesOnly() {
        limiter("true", 10, buckets()).consume(GROUP, "203.0.113.9");
        assertThat(jdbc.sql("SELECT client FROM rate_limit_buckets")
                        .query(String.class)
                        .single())
                .isEqualTo(pseudonyms.of("203.0.113.9"))
                .doesNotContain("203.0.113.9");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM rate_limit_buckets")
                .query(Long.class)
                .single();
    }
}
