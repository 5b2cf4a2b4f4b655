package io.supportlab.platform.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Shared buckets with this instance's trips to them cut down for clients that come back quickly.
 * Every limited request asks the shared store ({@link PostgresBuckets}: one upsert of the client's
 * row), so a busy client, whose requests all queue on one row lock, costs a round trip each. Here a
 * client that returns within {@link #WINDOW} of its last trip has tokens taken ahead for it, in
 * amounts that double while it keeps using them up (1, 2, 4, … up to {@link #MOST_AHEAD} requests'
 * worth of tokens, never more than a 64th of the capacity); its next requests are served from what
 * this instance holds. A refusal
 * is remembered until its retry time, so a client hammering a limit it exhausted costs no trips
 * either. Concurrent requests of a client whose tokens ran out wait for the one trip that is taking
 * enough ahead for them, rather than each making its own.
 *
 * <p>Nothing is ever allowed that the shared bucket did not grant: tokens held here were taken from
 * it. What holding costs is the other way round: tokens held by one instance are missing for the
 * same client on another, and tokens still held when their {@link #WINDOW} ends are dropped, not
 * given back; the client loses them (at most a 64th of the capacity per instance, each time a busy
 * client stops). A quiet client (more than a window between requests) never has tokens taken ahead,
 * and limits below 64 (a few requests an hour) never take any, so they count exactly as the store
 * does.
 *
 * <p>Inside a transaction the store is asked directly, so that a consumption rolled back with what
 * it was for is given back (tokens taken ahead would not be). Refunds go to the store too.
 */
final class PrefetchingBuckets implements Buckets {

    /** How long tokens taken ahead stay usable, and how soon a client must return to be busy. */
    static final Duration WINDOW = Duration.ofSeconds(1);

    /** The most requests' worth of tokens taken ahead on one trip. */
    static final long MOST_AHEAD = 64;

    /** Capacity divided by this is what one instance may hold for a client. */
    static final long SHARE = 64;

    static final int MAX_CLIENTS = 10_000;

    private final Buckets store;
    private final Clock clock;
    /**
     * Bounded, and idle entries go: what they held expired long before, and a remembered refusal is
     * asked of the store again.
     */
    private final Cache<String, Client> clients = Caffeine.newBuilder()
            .maximumSize(MAX_CLIENTS)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    PrefetchingBuckets(Buckets store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What this instance knows of one client under one limit, guarded by its lock. */
    private static final class Client {
        /** A lock rather than {@code synchronized}: waiting in it does not pin a virtual thread's carrier. */
        final ReentrantLock lock = new ReentrantLock();

        /** Signalled when a trip to the store ends. */
        final Condition tripEnded = lock.newCondition();

        /** Tokens taken from the store and not handed out yet, usable until {@link #heldUntil}. */
        long held;

        long heldUntil = Long.MIN_VALUE;
        /** How many requests' worth of tokens the next trip takes beyond what its request needs. */
        long ahead;
        /** Tokens ahead that trips in flight are taking. */
        long pending;

        /** A request for at least {@link #refusedTokens} is refused until this moment. */
        long refusedUntil = Long.MIN_VALUE;

        long refusedTokens;
    }

    @Override
    public RateLimiter.Decision consume(RateLimit limit, String client, long tokens) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return store.consume(limit, client, tokens);
        }
        Client known = clients.get(limit.name() + '\n' + client, key -> new Client());
        long now;
        long extra;
        known.lock.lock();
        try {
            while (true) {
                now = nanos();
                if (now < known.refusedUntil && tokens >= known.refusedTokens) {
                    return new RateLimiter.Decision(false, Duration.ofNanos(known.refusedUntil - now));
                }
                boolean busy = now < known.heldUntil;
                if (busy && known.held >= tokens) {
                    known.held -= tokens;
                    return new RateLimiter.Decision(true, Duration.ZERO);
                }
                if (!(busy && known.pending >= tokens) || !awaitTrip(known)) {
                    break;
                }
                // A trip in flight was taking enough ahead for this request too: look again.
            }
            if (now < known.heldUntil) {
                // It used up what was taken for it within the window: take more next time.
                known.ahead = Math.min(MOST_AHEAD, Math.max(1, known.ahead * 2));
            } else {
                // Back after a pause: half as many as before if it used up the last batch, else none.
                known.ahead = known.held > 0 ? 0 : known.ahead / 2;
                known.held = 0;
            }
            // As many tokens as that many requests of this size take, within the instance's share.
            long share = limit.capacity() / SHARE;
            long wanted = known.ahead == 0 ? 0 : tokens > share / known.ahead ? share : known.ahead * tokens;
            extra = Math.max(0, Math.min(wanted - known.held - known.pending, limit.capacity() - tokens));
            known.pending += extra;
            known.heldUntil = now + WINDOW.toNanos();
        } finally {
            known.lock.unlock();
        }
        RateLimiter.Decision decision = null;
        long taken = 0;
        try {
            decision = store.consume(limit, client, tokens + extra);
            taken = extra;
            if (!decision.allowed() && extra > 0) {
                // Not enough left for a batch: the request alone, exactly as the store counts it.
                taken = 0;
                decision = store.consume(limit, client, tokens);
            }
        } finally {
            known.lock.lock();
            try {
                known.pending -= extra;
                if (decision != null && decision.allowed()) {
                    known.held += taken;
                    known.refusedUntil = Long.MIN_VALUE;
                } else if (decision != null) {
                    known.ahead = 0;
                    known.refusedUntil = now + decision.retryAfter().toNanos();
                    known.refusedTokens = tokens;
                }
                known.tripEnded.signalAll();
            } finally {
                known.lock.unlock();
            }
        }
        return decision;
    }

    /**
     * Waits (holding the lock again after) for a trip in flight to end; false if it took longer than
     * a window or the thread was interrupted, when the caller makes its own trip instead.
     */
    private static boolean awaitTrip(Client known) {
        try {
            return known.tripEnded.await(WINDOW.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void refund(RateLimit limit, String client, long tokens) {
        store.refund(limit, client, tokens);
        Client known = clients.getIfPresent(limit.name() + '\n' + client);
        if (known != null) {
            known.lock.lock();
            try {
                known.refusedUntil = Long.MIN_VALUE;
            } finally {
                known.lock.unlock();
            }
        }
    }

    @Override
    public void forgetFull() {
        store.forgetFull();
    }

    private long nanos() {
        return ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant());
    }
}
