package io.supportlab.experiments;

import io.supportlab.platform.limits.RateLimit;
import io.supportlab.platform.limits.RateLimit.Route;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What one client address may send to the anonymous assignment and tracking routes. */
@Configuration(proxyBeanMethods = false)
class TrackingLimits {

    /** Assignment and event calls (generous: real pages send many). */
    static final RateLimit TRACKING = RateLimit.onRoutes(
            "tracking",
            1200,
            Duration.ofMinutes(1),
            Route.post("/api/ab-tests/[^/]+/(assign|events)|/api/ab/assign|/api/ab/events"));

    /**
     * Events stored, each event of a batch counted. A page tracks what a person does (views,
     * clicks): rarely more than one event a second. 3000 a minute is fifty such busy visitors behind
     * one address (an office, a carrier's NAT); the byte budget bounds what one address adds to the
     * database (~1.4 GB a day).
     */
    static final RateLimit TRACKED_EVENTS = RateLimit.counted("tracked-events", 3000, Duration.ofMinutes(1));

    /**
     * Bytes of stored events: 1 MB a minute is 3000 events of ~350 bytes, or a dozen busy visitors
     * whose every event carries the largest event_data (1 KB).
     */
    static final RateLimit TRACKED_EVENT_BYTES =
            RateLimit.counted("tracked-event-bytes", 1_048_576, Duration.ofMinutes(1));

    @Bean
    RateLimit trackingLimit() {
        return TRACKING;
    }

    @Bean
    RateLimit trackedEventLimit() {
        return TRACKED_EVENTS;
    }

    @Bean
    RateLimit trackedEventByteLimit() {
        return TRACKED_EVENT_BYTES;
    }
}
