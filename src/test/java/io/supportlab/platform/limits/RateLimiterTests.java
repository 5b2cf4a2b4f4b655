package io.supportlab.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.SupportLabProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Weighted consumption: a request that counts as many (events, bytes) takes them all or none. */
class RateLimiterTests {

    static final RateLimitGroup GROUP = RateLimitGroup.TRACKED_EVENTS;

    @Test
    void takesSeveralTokensAtOnceOrNone() {
        RateLimiter limiter = limiter("true", 10);
        assertThat(limiter.consume(GROUP, "a", 6).allowed()).isTrue();
        RateLimiter.Decision refused = limiter.consume(GROUP, "a", 6);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isPositive();
        assertThat(limiter.consume(GROUP, "a", 4).allowed()).isTrue();
        assertThat(limiter.consume(GROUP, "b", 10).allowed()).isTrue();
    }

    @Test
    void moreThanTheCapacityTakesAFullBucketInsteadOfWaitingForever() {
        RateLimiter limiter = limiter("true", 10);
        assertThat(limiter.consume(GROUP, "a", 25).allowed()).isTrue();
        assertThat(limiter.consume(GROUP, "a", 1).allowed()).isFalse();
    }

    @Test
    void refundedTokensCanBeTakenAgain() {
        RateLimiter limiter = limiter("true", 10);
        limiter.consume(GROUP, "a", 10);
        limiter.refund(GROUP, "a", 3);
        assertThat(limiter.consume(GROUP, "a", 3).allowed()).isTrue();
        assertThat(limiter.consume(GROUP, "a", 1).allowed()).isFalse();
    }

    @Test
    void switchedOffAllowsEverything() {
        RateLimiter limiter = limiter("false", 1);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.consume(GROUP, "a", 1000).allowed()).isTrue();
        }
    }

    static RateLimiter limiter(String enabled, long capacity) {
        Map<String, String> settings = Map.of(
                "supportlab.rate-limits.enabled",
                enabled,
                "supportlab.rate-limits.tracked-events.capacity",
                Long.toString(capacity),
                "supportlab.rate-limits.tracked-events.period",
                "1h");
        SupportLabProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("supportlab", SupportLabProperties.class);
        return new RateLimiter(properties);
    }
}
