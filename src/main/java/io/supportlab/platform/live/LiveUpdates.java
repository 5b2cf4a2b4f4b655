package io.supportlab.platform.live;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events to open pages. A feature publishes small notices ("ticket X changed") after
 * its transaction commits; every subscribed browser tab, on every instance, receives them and
 * fetches what changed. On SQLite (one instance) the hub is in-process; on PostgreSQL the notices
 * travel through {@code LISTEN/NOTIFY}.
 *
 * <p>Every published notice has an id. A stream that reconnects with the id of the last notice it
 * received ({@code Last-Event-ID}) first gets the notices of its channel it missed, each distinct
 * notice once (notices say what changed, not how, so one refresh per thing is enough), or a
 * {@value #RELOAD} event when it missed too many, missed them too long ago, or its id means nothing
 * here (another process start on SQLite): the page then refreshes every part that notices refresh.
 */
public interface LiveUpdates {

    /** The event that tells a page to refresh everything live updates refresh. */
    String RELOAD = "reload";

    /** At most this many missed events of a channel are replayed; more, and the page reloads. */
    int REPLAY_LIMIT = 100;

    /**
     * A stream for a page; it ends after a while and the browser reconnects by itself. With the id
     * of the last event a previous stream delivered, the new one starts with what that one missed.
     */
    SseEmitter subscribe(String channel, @Nullable String lastEventId);

    /**
     * Sends {@code event} with {@code data} to every subscriber of {@code channel} and to its
     * listeners, on every instance, and keeps it a few minutes for streams that reconnect. Call it
     * after commit, so nobody fetches data that is not visible yet.
     */
    default void publish(String channel, String event, String data) {
        publish(channel, List.of(event), data);
    }

    /**
     * Publishes several events with the same {@code data} at once, in this order (on PostgreSQL one
     * statement instead of one each): a ticket's change is news to its own page and to the list.
     */
    void publish(String channel, List<String> events, String data);

    /**
     * Tells the {@link #listen listeners} of {@code channel} on every instance, and no page: for
     * notices between instances, which nothing replays, so nothing is kept (on PostgreSQL one
     * {@code NOTIFY}, no write).
     */
    void signal(String channel, String event, String data);

    /**
     * Calls {@code handler} in this instance for every notice published or signalled on {@code
     * channel} by any instance, this one included: how an instance learns that another changed what
     * it caches. Handlers run on the thread that delivers notices; they must be quick and must not
     * throw.
     */
    void listen(String channel, NoticeHandler handler);

    /** What a {@link #listen listener} is given of a notice. */
    @FunctionalInterface
    interface NoticeHandler {
        void notice(String event, String data);
    }
}
