package io.supportlab.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves forward instead of waiting; as the application's Clock bean, it moves the
 * app's time. It stands still between moves, or with {@link #running()} keeps the system's pace as
 * well, for tests whose rows must keep their order of creation.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock() {
        this(Instant.parse("2025-01-31T12:00:00Z"));
    }

    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** Now, moving on in whole microseconds like the application's clock, plus what the test added. */
    public static MutableClock running() {
        return new MutableClock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)));
    }

    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
