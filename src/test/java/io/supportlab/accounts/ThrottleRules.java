package io.supportlab.accounts;

import static io.supportlab.accounts.LoginThrottleTests.properties;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.SupportLabProperties;
import io.supportlab.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link LoginThrottle}, wherever its counts live (in memory, or in PostgreSQL in
 * {@link SharedLoginFailuresTests}), with a clock the test moves.
 */
interface ThrottleRules {

    String ACCOUNT = "someone@example.com";
    String GUESSER = "192.0.2.1";
    String OWNER = "198.51.100.7";
    SupportLabProperties STANDARD = properties(3, 6, 100, Duration.ofMinutes(15), Duration.ofSeconds(3));

    /** The application's clock of {@link #throttle}, which the test moves. */
    MutableClock clock();

    /** A throttle with {@code properties} and empty counts. */
    LoginThrottle throttle(SupportLabProperties properties);

    @Test
    default void oneAddressWaitsDoubleAfterTheFreeFailuresThenIsLockedOut() {
        LoginThrottle throttle = throttle(STANDARD);
        List<Duration> waits = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            throttle.failed(ACCOUNT, GUESSER);
            waits.add(throttle.waitBefore(ACCOUNT, GUESSER).orElse(Duration.ZERO));
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofMinutes(15));
    }

    @Test
    default void theLockoutOfOneAddressNeverRefusesTheAccountFromAnother() {
        LoginThrottle throttle = throttle(STANDARD);
        for (int i = 0; i < 6; i++) {
            throttle.failed(ACCOUNT, GUESSER);
        }
        assertThat(throttle.waitBefore(ACCOUNT, GUESSER)).contains(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore(ACCOUNT, OWNER)).isEmpty();
    }

    @Test
    default void guessesFromManyAddressesSlowTheAccountDownByAtMostTheCap() {
        LoginThrottle throttle = throttle(STANDARD);
        List<Duration> slowdowns = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            throttle.failed(ACCOUNT, "203.0.113." + i);
            slowdowns.add(throttle.slowdown(ACCOUNT));
        }
        assertThat(slowdowns.subList(0, 6))
                .containsExactly(
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(3));
        assertThat(slowdowns).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(3)));
        assertThat(throttle.waitBefore(ACCOUNT, OWNER)).isEmpty();
    }

    @Test
    default void otherAccountsAreNotSlowedDown() {
        LoginThrottle throttle = throttle(STANDARD);
        for (int i = 0; i < 10; i++) {
            throttle.failed(ACCOUNT, "203.0.113." + i);
        }
        assertThat(throttle.slowdown("other@example.com")).isZero();
    }

    @Test
    default void aQuietLockoutPeriodLiftsTheLockAndTheSlowdown() {
        LoginThrottle throttle = throttle(STANDARD);
        for (int i = 0; i < 6; i++) {
            throttle.failed(ACCOUNT, GUESSER);
        }
        clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.waitBefore(ACCOUNT, GUESSER)).isEmpty();
        assertThat(throttle.slowdown(ACCOUNT)).isZero();
    }

    @Test
    default void successClearsTheFailuresOfTheAccount() {
        LoginThrottle throttle = throttle(STANDARD);
        for (int i = 0; i < 5; i++) {
            throttle.failed(ACCOUNT, GUESSER);
        }
        throttle.succeeded(ACCOUNT, GUESSER);
        assertThat(throttle.waitBefore(ACCOUNT, GUESSER)).isEmpty();
        assertThat(throttle.slowdown(ACCOUNT)).isZero();
    }

    @Test
    default void oneAddressGuessingManyAccountsIsLockedOutForAll() {
        LoginThrottle strict = throttle(properties(3, 6, 4, Duration.ofMinutes(15), Duration.ofSeconds(3)));
        for (int i = 0; i < 4; i++) {
            strict.failed("user" + i + "@example.com", GUESSER);
        }
        assertThat(strict.waitBefore("fresh@example.com", GUESSER)).contains(Duration.ofMinutes(15));
        assertThat(strict.waitBefore("fresh@example.com", OWNER)).isEmpty();
    }

    @Test
    default void aSingleFreeFailureAlreadyDelaysTheNextAttemptAndOneLockoutFailureLocks() {
        LoginThrottle eager = throttle(properties(1, 2, 1, Duration.ofMinutes(15), Duration.ofSeconds(3)));
        assertThat(eager.failed(ACCOUNT, GUESSER)).isEqualTo(LoginThrottle.Outcome.LOCKED);
        assertThat(eager.waitBefore("fresh@example.com", GUESSER)).contains(Duration.ofMinutes(15));
        assertThat(eager.waitBefore(ACCOUNT, OWNER)).isEmpty();
        assertThat(eager.slowdown(ACCOUNT)).isEqualTo(Duration.ofSeconds(1));
    }
}
