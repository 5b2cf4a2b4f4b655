package io.supportlab.platform.limits;

import static io.supportlab.platform.limits.RateLimiterTests.GROUP;
import static io.supportlab.platform.limits.RateLimiterTests.limiter;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a {@link RateLimiter} does with its buckets wherever they live: weighted consumption (a
 * request that counts as many events or bytes takes them all or none), refunds, and the switch.
 */
interface BucketBehaviour {

    /** Empty buckets' store, as each test's own. */
    Buckets buckets();

    @Test
    default void takesSeveralTokensAtOnceOrNone() {
        RateLimiter limiter = limiter("true", 10, buckets());
        assertThat(limiter.consume(GROUP, "a", 6).allowed()).isTrue();
        RateLimiter.Decision refused = limiter.consume(GROUP, "a", 6);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive();
        assertThat(limiter.consume(GROUP, "a", 4).allowed()).isTrue();
        assertThat(limiter.consume(GROUP, "b", 10).allowed()).isTrue();
    }

    @Test
    default void moreThanTheCapacityTakesAFullBucketInsteadOfWaitingForever() {
        RateLimiter limiter = limiter("true", 10, buckets());
        assertThat(limiter.consume(GROUP, "a", 25).allowed()).isTrue();
        assertThat(limiter.consume(GROUP, "a", 1).allowed()).isFalse();
    }

    @Test
    default void refundedTokensCanBeTakenAgain() {
        RateLimiter limiter = limiter("true", 10, buckets());
        limiter.consume(GROUP, "a", 10);
        limiter.refund(GROUP, "a", 3);
        assertThat(limiter.consume(GROUP, "a", 3).allowed()).isTrue();
        assertThat(limiter.consume(GROUP, "a", 1).allowed()).isFalse();
    }

    @Test
    default void switchedOffAllowsEverything() {
        RateLimiter limiter = limiter("false", 1, buckets());
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.consume(GROUP, "a", 1000).allowed()).isTrue();
        }
    }
}
