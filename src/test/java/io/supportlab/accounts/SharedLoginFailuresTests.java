package io.supportlab.accounts;

import static io.supportlab.accounts.LoginThrottleTests.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.persistence.Pseudonyms;
import io.supportlab.platform.persistence.SqlDialect;
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
 * Failed-login counts in PostgreSQL, shared by every instance on the database: the same rules as in
 * memory; failures on two instances (each with its own {@link PostgresFailureCounts}, as two
 * application instances have) add up exactly, and a lockout on one refuses on the other.
 */
@UsePostgres
class SharedLoginFailuresTests extends IntegrationTest implements ThrottleRules {

    @Autowired
    Pseudonyms pseudonyms;

    final MutableClock clock = new MutableClock();

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public LoginThrottle throttle(SupportLabProperties properties) {
        return new LoginThrottle(properties, clock, new PostgresFailureCounts(jdbc, SqlDialect.POSTGRESQL, pseudonyms));
    }

    @Test
    void concurrentFailuresOnTwoInstancesAddUpAndTheLockoutHoldsOnBoth() throws Exception {
        SupportLabProperties settings = properties(3, 40, 1000, Duration.ofMinutes(15), Duration.ofSeconds(3));
        List<LoginThrottle> instances = List.of(throttle(settings), throttle(settings));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LoginThrottle.Outcome>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 39; i++) {
                LoginThrottle instance = instances.get(i % 2);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return instance.failed(ACCOUNT, GUESSER);
                }));
            }
            start.countDown();
            for (Future<LoginThrottle.Outcome> outcome : outcomes) {
                assertThat(outcome.get()).isNotEqualTo(LoginThrottle.Outcome.LOCKED);
            }
        }
        // The 40th failure, on either instance, is the one that locks: none was lost or counted twice.
        assertThat(instances.get(1).failed(ACCOUNT, GUESSER)).isEqualTo(LoginThrottle.Outcome.LOCKED);
        assertThat(instances.get(0).waitBefore(ACCOUNT, GUESSER)).contains(Duration.ofMinutes(15));
        assertThat(instances.get(1).waitBefore(ACCOUNT, GUESSER)).contains(Duration.ofMinutes(15));
        assertThat(instances.get(0).waitBefore(ACCOUNT, OWNER)).isEmpty();
        assertThat(instances.get(0).slowdown(ACCOUNT)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void quietCountsAreForgottenAndNamesAndAddressesStoredAsKeyedHashesOnly() {
        LoginThrottle throttle = throttle(STANDARD);
        throttle.failed(ACCOUNT, GUESSER);
        assertThat(jdbc.sql("SELECT key FROM login_failures ORDER BY scope")
                        .query(String.class)
                        .list())
                .containsExactly(
                        pseudonyms.of(ACCOUNT), pseudonyms.of(ACCOUNT + "\n" + GUESSER), pseudonyms.of(GUESSER))
                .noneMatch(key -> key.contains("example.com") || key.contains("192.0.2.1"));
        clock.advance(Duration.ofMinutes(10));
        throttle.failed("other@example.com", OWNER);
        clock.advance(Duration.ofMinutes(6));
        throttle.forgetQuietCounts();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failures")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }
}
