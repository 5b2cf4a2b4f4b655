package io.supportlab.platform.live;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events to open pages. A feature publishes small notices ("ticket X changed") after
 * its transaction commits; every subscribed browser tab, on every instance, receives them and
 * fetches what changed. On SQLite (one instance) the hub is in-process; on PostgreSQL the notices
 * travel through {@code LISTEN/NOTIFY}.
 */
public interface LiveUpdates {

    /** A stream for a page; it ends after a while and the browser reconnects by itself. */
    SseEmitter subscribe(String channel);

    /**
     * Sends {@code event} with {@code data} to every subscriber of {@code channel}. Call it after
     * commit, so nobody fetches data that is not visible yet.
     */
    void publish(String channel, String event, String data);

    /**
     * Calls {@code handler} in this instance for every notice published on {@code channel} by any
     * instance, this one included: how an instance learns that another changed what it caches.
     * Handlers run on the thread that delivers notices; they must be quick and must not throw.
     */
    void listen(String channel, NoticeHandler handler);

    /** What a {@link #listen listener} is given of a notice. */
    @FunctionalInterface
    interface NoticeHandler {
        void notice(String event, String data);
    }
}
