package io.supportlab.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supportlab.platform.SupportLabProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;

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
 * accounts exist. State is in memory, per instance, and forgotten after a quiet lockout period.
 */
@Component
class LoginThrottle {

    static final int MAX_TRACKED = 100_000;

    /** Failures so far and the earliest moment of the next allowed attempt. */
    record Failures(int count, Instant notBefore) {}

    /** What a failure led to. */
    enum Outcome {
        COUNTED,
        DELAYED,
        LOCKED
    }

    private final SupportLabProperties.Login settings;
    private final Clock clock;
    private final Cache<String, Failures> byAccountAndAddress;
    private final Cache<String, Failures> byAddress;
    private final Cache<String, Failures> byAccount;

    LoginThrottle(SupportLabProperties properties, Clock clock) {
        this.settings = properties.rateLimits().login();
        this.clock = clock;
        this.byAccountAndAddress = cache(settings.lockout(), clock);
        this.byAddress = cache(settings.lockout(), clock);
        this.byAccount = cache(settings.lockout(), clock);
    }

    /** Entries expire after {@code quiet} by the application clock, like everything else timed here. */
    private static Cache<String, Failures> cache(Duration quiet, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterWrite(quiet)
                .ticker(() -> ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant()))
                .build();
    }

    /**
     * How long the caller at {@code address} must still wait before trying {@code account} again;
     * empty when it may try now. Only the address's own failures count here.
     */
    Optional<Duration> waitBefore(String account, String address) {
        Instant now = Instant.now(clock);
        Instant until = later(notBefore(byAccountAndAddress, pair(account, address)), notBefore(byAddress, address));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /**
     * How long to hold back a password check of {@code account}, whoever asks: grows with the
     * account's recent failures from anywhere, never beyond {@code max-account-delay}.
     */
    Duration slowdown(String account) {
        Failures failures = byAccount.getIfPresent(account);
        return failures == null ? Duration.ZERO : cappedDoubling(failures.count(), settings.maxAccountDelay());
    }

    /** Counts a failed attempt; answers whether it started a delay or a lockout for this address. */
    Outcome failed(String account, String address) {
        Instant now = Instant.now(clock);
        Failures forPair = byAccountAndAddress
                .asMap()
                .merge(pair(account, address), new Failures(1, now), (old, one) -> {
                    int count = old.count() + 1;
                    return new Failures(count, now.plus(pairDelay(count)));
                });
        Failures forAddress = byAddress.asMap().merge(address, new Failures(1, now), (old, one) -> {
            int count = old.count() + 1;
            return new Failures(count, count >= settings.addressLockoutFailures() ? now.plus(settings.lockout()) : now);
        });
        byAccount.asMap().merge(account, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        if (forPair.count() >= settings.lockoutFailures() || forAddress.count() >= settings.addressLockoutFailures()) {
            return Outcome.LOCKED;
        }
        return forPair.notBefore().isAfter(now) ? Outcome.DELAYED : Outcome.COUNTED;
    }

    /** A correct password clears the account's failures (the address keeps its count of other names). */
    void succeeded(String account, String address) {
        byAccountAndAddress.invalidate(pair(account, address));
        byAccount.invalidate(account);
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

    private static String pair(String account, String address) {
        // A newline occurs in neither a normalised email nor an address key.
        return account + "\n" + address;
    }

    private static Instant notBefore(Cache<String, Failures> cache, String key) {
        Failures failures = cache.getIfPresent(key);
        return failures == null ? Instant.EPOCH : failures.notBefore();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
