package io.supportlab.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tokens taken ahead for busy clients: far fewer trips to the shared store, never more allowed than
 * the store granted, and exact counting for quiet clients, small limits and transactions. The store
 * here is the in-memory one on the same moving clock; {@link SharedBucketsTests} runs the same with
 * PostgreSQL and two instances.
 */
class PrefetchingBucketsTests {

    /** 6400 an hour: a 64th of it, 100, is more than the most taken ahead at once (64). */
    static final RateLimit HOURLY = RateLimit.counted("tracked-events", 6400, Duration.ofHours(1));

    /** Enough for every request of the concurrency test. */
    static final RateLimit HOURLY_LARGE = RateLimit.counted("tracked-events", 1_000_000, Duration.ofHours(1));

    final MutableClock clock = new MutableClock();
    final CountingStore store = new CountingStore(new LocalBuckets(clock));

    @Nested
    class BehavesAsEveryStore implements BucketBehaviour {

        @Override
        public Buckets buckets() {
            return new PrefetchingBuckets(new LocalBuckets(clock), clock);
        }
    }

    @Test
    void aBusyClientReachesTheStoreOncePerBatchOfUpToSixtyFourRequests() {
        Buckets buckets = new PrefetchingBuckets(store, clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(buckets.consume(HOURLY, "a", 1).allowed()).isTrue();
        }
        // Batches of 1, 2, 4, ... 64 after the first trip: 1000 requests in 22 trips instead of 1000.
        assertThat(store.trips.get()).isEqualTo(22);
        // What the store gave is what was used plus what this instance still holds (< 64).
        assertThat(store.tokens.get()).isBetween(1000L, 1000L + 64);
    }

    @Test
    void concurrentRequestsOfABusyClientWaitForOneTripInsteadOfEachMakingTheirOwn() throws Exception {
        Buckets buckets = new PrefetchingBuckets(store, clock);
        int threads = 16;
        int each = 1000;
        AtomicLong allowed = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        allowed.addAndGet(buckets.consume(HOURLY_LARGE, "a", 1).allowed() ? 1 : 0);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }
        assertThat(allowed.get()).isEqualTo(threads * each);
        // About one trip per 65 requests once the batches reached 64; without waiting, every request
        // that found the tokens used up made its own trip while one was in flight.
        assertThat(store.trips.get()).isLessThan(threads * each / 32);
        assertThat(store.tokens.get()).isBetween((long) threads * each, (long) threads * each + 64);
    }

    @Test
    void requestsOfManyTokensTakeAheadAsManyRequestsWorthWithinTheInstancesShare() {
        Buckets buckets = new PrefetchingBuckets(store, clock);
        // Bytes of events, say: 350 a request; a 64th of the capacity is 15 625, 44 such requests.
        for (int i = 0; i < 1000; i++) {
            assertThat(buckets.consume(HOURLY_LARGE, "a", 350).allowed()).isTrue();
        }
        assertThat(store.trips.get()).isLessThan(1000 / 30);
        assertThat(store.tokens.get()).isBetween(350L * 1000, 350L * 1000 + 1_000_000 / 64);
    }

    @Test
    void aQuietClientTakesExactlyWhatItUses() {
        Buckets buckets = new PrefetchingBuckets(store, clock);
        for (int i = 0; i < 20; i++) {
            assertThat(buckets.consume(HOURLY, "a", 1).allowed()).isTrue();
            clock.advance(PrefetchingBuckets.WINDOW.plusMillis(1));
        }
        assertThat(store.trips.get()).isEqualTo(20);
        assertThat(store.tokens.get()).isEqualTo(20);
    }

    @Test
    void smallLimitsAreCountedExactlyEvenForABusyClient() {
        RateLimit small = RateLimit.counted("tracked-events", 63, Duration.ofHours(1));
        Buckets buckets = new PrefetchingBuckets(store, clock);
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += buckets.consume(small, "a", 1).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(63);
        assertThat(store.tokens.get()).isEqualTo(63);
    }

    @Test
    void twoInstancesNeverAllowMoreThanTheSharedBucketAndLoseAtMostWhatTheyHold() {
        Buckets first = new PrefetchingBuckets(store, clock);
        Buckets second = new PrefetchingBuckets(store, clock);
        int allowed = 0;
        for (int i = 0; i < 10_000; i++) {
            allowed += (i % 3 == 0 ? first : second).consume(HOURLY, "a", 1).allowed() ? 1 : 0;
        }
        assertThat(allowed).isBetween(6400 - 2 * 64, 6400);
        assertThat(store.tokens.get()).isEqualTo(6400);
    }

    @Test
    void tokensTakenAheadAreDroppedAfterTheirWindowSoABurstNeverExceedsTheCapacity() {
        Buckets buckets = new PrefetchingBuckets(store, clock);
        for (int burst = 0; burst < 3; burst++) {
            int allowed = 0;
            for (int i = 0; i < 7000; i++) {
                allowed += buckets.consume(HOURLY, "a", 1).allowed() ? 1 : 0;
            }
            // The tokens this instance held at the end of a burst are not spent in the next one.
            assertThat(allowed).isBetween(6400 - 64, 6400);
            clock.advance(Duration.ofHours(1));
        }
    }

    @Test
    void aRefusalIsRememberedUntilItsRetryTimeWithoutAskingTheStoreAgain() {
        Buckets buckets = new PrefetchingBuckets(store, clock);
        RateLimit small = RateLimit.counted("tracked-events", 10, Duration.ofHours(1));
        assertThat(buckets.consume(small, "a", 10).allowed()).isTrue();
        RateLimiter.Decision refused = buckets.consume(small, "a", 1);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(6));
        long trips = store.trips.get();
        clock.advance(Duration.ofMinutes(4));
        for (int i = 0; i < 100; i++) {
            assertThat(buckets.consume(small, "a", 1).retryAfter()).isEqualTo(Duration.ofMinutes(2));
        }
        assertThat(store.trips.get()).isEqualTo(trips);
        clock.advance(Duration.ofMinutes(2));
        assertThat(buckets.consume(small, "a", 1).allowed()).isTrue();
        assertThat(store.trips.get()).isEqualTo(trips + 1);
    }

    @Test
    void aRefundLiftsARememberedRefusal() {
        Buckets buckets = new PrefetchingBuckets(store, clock);
        RateLimit small = RateLimit.counted("tracked-events", 10, Duration.ofHours(1));
        buckets.consume(small, "a", 10);
        assertThat(buckets.consume(small, "a", 2).allowed()).isFalse();
        buckets.refund(small, "a", 2);
        assertThat(buckets.consume(small, "a", 2).allowed()).isTrue();
    }

    @Test
    void insideATransactionEveryRequestAsksTheStoreSoARollbackGivesItsTokensBack() {
        Buckets buckets = new PrefetchingBuckets(store, clock);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            for (int i = 0; i < 100; i++) {
                buckets.consume(HOURLY, "a", 1);
            }
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(store.trips.get()).isEqualTo(100);
        assertThat(store.tokens.get()).isEqualTo(100);
    }

    /** The in-memory store, counting the trips made to it and the tokens it granted. */
    static final class CountingStore implements Buckets {

        final Buckets store;
        final AtomicLong trips = new AtomicLong();
        final AtomicLong tokens = new AtomicLong();

        CountingStore(Buckets store) {
            this.store = store;
        }

        @Override
        public RateLimiter.Decision consume(RateLimit limit, String client, long tokens) {
            trips.incrementAndGet();
            RateLimiter.Decision decision = store.consume(limit, client, tokens);
            if (decision.allowed()) {
                this.tokens.addAndGet(tokens);
            }
            return decision;
        }

        @Override
        public void refund(RateLimit limit, String client, long tokens) {
            store.refund(limit, client, tokens);
            this.tokens.addAndGet(-tokens);
        }

        @Override
        public void forgetFull() {
            store.forgetFull();
        }
    }
}
