package io.supportlab.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supportlab.platform.SupportLabProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows down and then locks out password guessing, per account name and per client address.
 * Names are counted whether or not such an account exists, so the answers reveal nothing about
 * which accounts exist. State is in memory, per instance, and forgotten after a quiet lockout
 * period.
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
    private final Cache<String, Failures> byAccount;
    private final Cache<String, Failures> byAddress;

    LoginThrottle(SupportLabProperties properties, Clock clock) {
        this.settings = properties.rateLimits().login();
        this.clock = clock;
        this.byAccount = cache(settings.lockout());
        this.byAddress = cache(settings.lockout());
    }

    private static Cache<String, Failures> cache(Duration quiet) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterWrite(quiet)
                .build();
    }

    /** How long the caller must still wait before an attempt for {@code account} from {@code address}. */
    Optional<Duration> waitBefore(String account, String address) {
        Instant now = Instant.now(clock);
        Instant until = later(notBefore(byAccount, account), notBefore(byAddress, address));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a failed attempt; answers whether it started a delay or a lockout. */
    Outcome failed(String account, String address) {
        Instant now = Instant.now(clock);
        Failures forAccount = byAccount.asMap().merge(account, new Failures(1, now), (old, one) -> {
            int count = old.count() + 1;
            return new Failures(count, now.plus(accountDelay(count)));
        });
        Failures forAddress = byAddress.asMap().merge(address, new Failures(1, now), (old, one) -> {
            int count = old.count() + 1;
            return new Failures(count, count >= settings.addressLockoutFailures() ? now.plus(settings.lockout()) : now);
        });
        if (forAccount.count() >= settings.lockoutFailures()
                || forAddress.count() >= settings.addressLockoutFailures()) {
            return Outcome.LOCKED;
        }
        return forAccount.notBefore().isAfter(now) ? Outcome.DELAYED : Outcome.COUNTED;
    }

    /** A correct password clears the account's failures (the address keeps its count). */
    void succeeded(String account) {
        byAccount.invalidate(account);
    }

    /** 1 s after the first failure past the free ones, doubling, capped at (and ending in) the lockout. */
    private Duration accountDelay(int failures) {
        if (failures >= settings.lockoutFailures()) {
            return settings.lockout();
        }
        int beyond = failures - settings.freeFailures();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(beyond, 20));
        return delay.compareTo(settings.lockout()) > 0 ? settings.lockout() : delay;
    }

    private static Instant notBefore(Cache<String, Failures> cache, String key) {
        Failures failures = cache.getIfPresent(key);
        return failures == null ? Instant.EPOCH : failures.notBefore();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
