package io.supportlab.experiments;

import io.supportlab.platform.limits.RateLimiter;
import io.supportlab.platform.problems.TooManyRequestsException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What one client address may add to the event table per period: a number of events and their
 * bytes ({@code supportlab.rate-limits.tracked-events} and {@code .tracked-event-bytes}). The request
 * limit alone let one client store a million events a minute in batches of 1000. A request's events
 * are charged together before anything is written, so a request over either budget stores nothing.
 */
@Component
class EventBudget {

    private final RateLimiter limiter;

    EventBudget(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /**
     * Charges {@code events} to {@code client}, or throws {@link TooManyRequestsException}; a null
     * client (signed-in staff, the application's own pages) is not limited.
     */
    void charge(@Nullable String client, List<EventRepository.NewEvent> events) {
        if (client == null || events.isEmpty()) {
            return;
        }
        long bytes =
                events.stream().mapToLong(EventRepository.NewEvent::storedBytes).sum();
        RateLimiter.Decision counted = limiter.consume(TrackingLimits.TRACKED_EVENTS, client, events.size());
        if (!counted.allowed()) {
            throw new TooManyRequestsException(
                    TrackingLimits.TRACKED_EVENTS.name(), counted.retryAfter(), "Too many events from your address");
        }
        RateLimiter.Decision sized = limiter.consume(TrackingLimits.TRACKED_EVENT_BYTES, client, bytes);
        if (!sized.allowed()) {
            limiter.refund(TrackingLimits.TRACKED_EVENTS, client, events.size());
            throw new TooManyRequestsException(
                    TrackingLimits.TRACKED_EVENT_BYTES.name(),
                    sized.retryAfter(),
                    "Too much event data from your address");
        }
    }
}
