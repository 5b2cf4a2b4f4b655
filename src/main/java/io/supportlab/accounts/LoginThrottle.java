package io.supportlab.accounts;

import io.supportlab.accounts.FailureCounts.Failures;
import io.supportlab.accounts.FailureCounts.Key;
import io.supportlab.accounts.FailureCounts.Scope;
import io.supportlab.platform.SupportLabProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes password guessing expensive without letting anyone lock an account's owner out (OWASP
 * authentication guidance; the settings are {@link SupportLabProperties.Login}):
 *
 * <ul>
 *   <li>per account name and client address: progressive delays, then a lockout of that address for
 *       that name; the guesser is refused, the owner elsewhere is not;
 *   <li>per client address, whatever the names: a lockout, against spraying many names;
 *   <li>per account name, from anywhere: a bounded slowdown of every password check, against
 *       guessing from many addresses; it only ever delays the owner by a few seconds.
 * </ul>
 *
 * Names are counted whether or not such an account exists, so the answers reveal nothing about which
 * accounts exist. A count is forgotten after a quiet lockout period. The counts are kept by {@link
 * FailureCounts}: in memory on SQLite, in the shared database on PostgreSQL (see {@link
 * LoginThrottleConfiguration}); the rules here are the same for both.
 */
class LoginThrottle {

    /** What a failure led to. */
    enum Outcome {
        COUNTED,
        DELAYED,
        LOCKED
    }

    private final SupportLabProperties.Login settings;
    private final Clock clock;
    private final FailureCounts counts;

    LoginThrottle(SupportLabProperties properties, Clock clock, FailureCounts counts) {
        this.settings = properties.rateLimits().login();
        this.clock = clock;
        this.counts = counts;
    }

    /**
     * How long the caller at {@code address} must still wait before trying {@code account} again;
     * empty when it may try now. Only the address's own failures count here.
     */
    Optional<Duration> waitBefore(String account, String address) {
        Instant now = Instant.now(clock);
        Map<Scope, Failures> recent = counts.read(List.of(pair(account, address), byAddress(address)), since(now));
        Instant until = later(
                pairNotBefore(recent.get(Scope.ACCOUNT_AND_ADDRESS)), addressNotBefore(recent.get(Scope.ADDRESS)));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /**
     * How long to hold back a password check of {@code account}, whoever asks: grows with the
     * account's recent failures from anywhere, never beyond {@code max-account-delay}.
     */
    Duration slowdown(String account) {
        Failures failures = counts.read(List.of(byAccount(account)), since(Instant.now(clock)))
                .get(Scope.ACCOUNT);
        return failures == null ? Duration.ZERO : cappedDoubling(failures.count(), settings.maxAccountDelay());
    }

    /** Counts a failed attempt; answers whether it started a delay or a lockout for this address. */
    Outcome failed(String account, String address) {
        Instant now = Instant.now(clock);
        Map<Scope, Failures> after =
                counts.add(List.of(pair(account, address), byAddress(address), byAccount(account)), now, since(now));
        Failures forPair = after.getOrDefault(Scope.ACCOUNT_AND_ADDRESS, new Failures(1, now));
        Failures forAddress = after.getOrDefault(Scope.ADDRESS, new Failures(1, now));
        if (forPair.count() >= settings.lockoutFailures() || forAddress.count() >= settings.addressLockoutFailures()) {
            return Outcome.LOCKED;
        }
        return pairNotBefore(forPair).isAfter(now) ? Outcome.DELAYED : Outcome.COUNTED;
    }

    /** A correct password clears the account's failures (the address keeps its count of other names). */
    void succeeded(String account, String address) {
        counts.clear(List.of(pair(account, address), byAccount(account)));
    }

    /** Forgets the counts that are over (scheduled once per cluster by {@link AccountJobs}). */
    void forgetQuietCounts() {
        counts.forgetOver(since(Instant.now(clock)));
    }

    /** Failures at or before this moment no longer count: a quiet lockout period has passed. */
    private Instant since(Instant now) {
        return now.minus(settings.lockout());
    }

    /** After the free failures each one doubles the wait (1 s, 2 s ...) until a lockout. */
    private Instant pairNotBefore(@Nullable Failures failures) {
        return failures == null ? Instant.EPOCH : failures.last().plus(pairDelay(failures.count()));
    }

    /** Enough failures from one address, whatever the names, lock it out. */
    private Instant addressNotBefore(@Nullable Failures failures) {
        if (failures == null) {
            return Instant.EPOCH;
        }
        return failures.count() >= settings.addressLockoutFailures()
                ? failures.last().plus(settings.lockout())
                : failures.last();
    }

    /** Doubling from 1 s past the free failures, up to (and ending in) the lockout. */
    private Duration pairDelay(int failures) {
        if (failures >= settings.lockoutFailures()) {
            return settings.lockout();
        }
        return cappedDoubling(failures, settings.lockout());
    }

    /** Nothing for the free failures, then 1 s, 2 s, 4 s ... never more than {@code cap}. */
    private Duration cappedDoubling(int failures, Duration cap) {
        int beyond = failures - settings.freeFailures();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(beyond, 20));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private static Key pair(String account, String address) {
        // A newline occurs in neither a normalised email nor an address key.
        return new Key(Scope.ACCOUNT_AND_ADDRESS, account + "\n" + address);
    }

    private static Key byAddress(String address) {
        return new Key(Scope.ADDRESS, address);
    }

    private static Key byAccount(String account) {
        return new Key(Scope.ACCOUNT, account);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
