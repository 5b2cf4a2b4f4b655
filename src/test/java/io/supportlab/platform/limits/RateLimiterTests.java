package io.supportlab.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.SupportLabProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Limits as features declare them, with settings overriding their defaults; how buckets count (in
 * memory here, in PostgreSQL in {@link SharedBucketsTests}, by the same {@link BucketBehaviour}).
 */
class RateLimiterTests {

    static final RateLimit GROUP = RateLimit.counted("tracked-events", 50, Duration.ofMinutes(1));

    @Nested
    class InMemory implements BucketBehaviour {

        @Override
        public Buckets buckets() {
            return new LocalBuckets(Clock.systemUTC());
        }
    }

    @Test
    void settingsOverrideTheDeclaredDefaultAndKeepWhatTheyLeaveOut() {
        RateLimiter limiter = limiter("true", 10);
        RateLimit configured = limiter.configured(GROUP);
        assertThat(configured.capacity()).isEqualTo(10);
        assertThat(configured.period()).isEqualTo(Duration.ofHours(1));
        RateLimit other = RateLimit.counted("other", 7, Duration.ofMinutes(5));
        RateLimiter partly = limiter(Map.of("supportlab.rate-limits.other.period", "2h"), other);
        assertThat(partly.configured(other).capacity()).isEqualTo(7);
        assertThat(partly.configured(other).period()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aBadSettingStopsTheStartWithTheSettingsName() {
        RateLimit other = RateLimit.counted("other", 7, Duration.ofMinutes(5));
        assertThatThrownBy(() -> limiter(Map.of("supportlab.rate-limits.other.capacity", "0"), other))
                .hasMessageContaining("supportlab.rate-limits.other");
    }

    @Test
    void aLimitNobodyDeclaredIsAProgrammingError() {
        RateLimiter limiter = limiter("true", 10);
        RateLimit undeclared = RateLimit.counted("undeclared", 1, Duration.ofMinutes(1));
        assertThatThrownBy(() -> limiter.consume(undeclared, "a")).hasMessageContaining("not declared");
    }

    @Test
    void twoFeaturesCannotDeclareOneName() {
        assertThatThrownBy(() -> limiter(Map.of(), GROUP, RateLimit.counted(GROUP.name(), 1, Duration.ofMinutes(1))))
                .hasMessageContaining("Two rate limits are named tracked-events");
    }

    @Test
    void routesCountOnlyTheirMethodPathAndRequiredParameter() {
        RateLimit search = RateLimit.onRoutes(
                "search",
                5,
                Duration.ofMinutes(1),
                RateLimit.Route.get("/api/faqs/suggestions|/help/search"),
                RateLimit.Route.get("/api/faqs").withParameter("search"));
        RateLimiter limiter = limiter(Map.of(), search);
        assertThat(limiter.limitOf(request("GET", "/help/search", null))).contains(search);
        assertThat(limiter.limitOf(request("POST", "/help/search", null))).isEmpty();
        assertThat(limiter.limitOf(request("GET", "/help/search/x", null))).isEmpty();
        assertThat(limiter.limitOf(request("GET", "/api/faqs", "search"))).contains(search);
        assertThat(limiter.limitOf(request("GET", "/api/faqs", null))).isEmpty();
        assertThat(limiter.mayLimit("GET", "/api/faqs")).isTrue();
        assertThat(limiter.mayLimit("GET", "/api/tickets")).isFalse();
    }

    private static MockHttpServletRequest request(String method, String path, String parameter) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        if (parameter != null) {
            request.setParameter(parameter, "x");
        }
        return request;
    }

    static RateLimiter limiter(Map<String, String> given, RateLimit... declared) {
        return limiter(given, new LocalBuckets(Clock.systemUTC()), declared);
    }

    static RateLimiter limiter(Map<String, String> given, Buckets buckets, RateLimit... declared) {
        Map<String, String> settings = new java.util.HashMap<>(given);
        settings.putIfAbsent("supportlab.rate-limits.enabled", "true");
        Binder binder = new Binder(new MapConfigurationPropertySource(settings));
        return new RateLimiter(
                binder.bindOrCreate("supportlab", SupportLabProperties.class), List.of(declared), binder, buckets);
    }

    static RateLimiter limiter(String enabled, long capacity) {
        return limiter(enabled, capacity, new LocalBuckets(Clock.systemUTC()));
    }

    static RateLimiter limiter(String enabled, long capacity, Buckets buckets) {
        Map<String, String> settings = Map.of(
                "supportlab.rate-limits.enabled",
                enabled,
                "supportlab.rate-limits.tracked-events.capacity",
                Long.toString(capacity),
                "supportlab.rate-limits.tracked-events.period",
                "1h");
        return limiter(settings, buckets, GROUP);
    }
}
