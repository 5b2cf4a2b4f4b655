package io.supportlab.platform.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This instance's open streams and listeners, by channel, whichever database carries the notices
 * between instances. Closing it ends the open streams, which would otherwise hold up the web
 * server's graceful shutdown.
 */
final class Hub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);

    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    /** Proxies close idle connections; a comment line now and then keeps the stream open. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final Map<String, List<Stream>> streams = new ConcurrentHashMap<>();
    private final Map<String, List<LiveUpdates.NoticeHandler>> handlers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sse-heartbeat").factory());

    Hub() {
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * A new stream of {@code channel}; with a {@code lastEventId} it starts with what {@code
     * backlog} says the previous stream missed. The stream is registered before the backlog is
     * read, so nothing published meanwhile falls between the two: such events wait until the replay
     * is sent and then follow it, unless the replay already had them.
     */
    SseEmitter subscribe(String channel, @Nullable String lastEventId, Backlog backlog) {
        SseEmitter emitter = new UnbufferedEmitter(STREAM_LIFETIME.toMillis());
        String after = lastEventId == null || lastEventId.isBlank() ? null : lastEventId;
        Stream stream = new Stream(channel, emitter, after != null);
        List<Stream> list = streams.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
        list.add(stream);
        Runnable remove = () -> list.remove(stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // Without a first line the response stays unsent until the first event, and the browser
        // cannot tell a live stream from a stalled one.
        stream.send(SseEmitter.event().comment("connected"));
        if (after != null) {
            stream.replay(missed(channel, after, backlog));
        }
        return emitter;
    }

    private static Replay missed(String channel, String lastEventId, Backlog backlog) {
        try {
            return backlog.since(channel, lastEventId);
        } catch (RuntimeException e) {
            // The database is away: the page refreshes everything, which is always correct.
            log.warn("Could not read the live events missed on {}: {}", channel, e.getMessage());
            return Replay.reload(null);
        }
    }

    void listen(String channel, LiveUpdates.NoticeHandler handler) {
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Hands a published event to this instance's listeners and streams. */
    void deliver(LiveEvent event) {
        signal(event.channel(), event.event(), event.data());
        for (Stream stream : streams.getOrDefault(event.channel(), List.of())) {
            stream.offer(event);
        }
    }

    /** Hands a notice to this instance's listeners only. */
    void signal(String channel, String event, String data) {
        for (LiveUpdates.NoticeHandler handler : handlers.getOrDefault(channel, List.of())) {
            try {
                handler.notice(event, data);
            } catch (RuntimeException e) {
                log.warn("A listener of {} failed on {}", channel, event, e);
            }
        }
    }

    private void beat() {
        streams.values()
                .forEach(list ->
                        list.forEach(stream -> stream.send(SseEmitter.event().comment("keep-alive"))));
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        endStreams();
    }

    /** Ends every open stream, as the end of its lifetime does: browsers reconnect by themselves. */
    void endStreams() {
        streams.values().forEach(list -> list.forEach(stream -> stream.emitter.complete()));
        streams.clear();
    }

    static SseEmitter.SseEventBuilder message(LiveEvent event) {
        return SseEmitter.event().id(event.id()).name(event.event()).data(event.data());
    }

    /** Tells nginx not to buffer the stream, whatever its {@code proxy_buffering} says. */
    private static final class UnbufferedEmitter extends SseEmitter {

        UnbufferedEmitter(long timeout) {
            super(timeout);
        }

        @Override
        protected void extendResponse(ServerHttpResponse response) {
            super.extendResponse(response);
            response.getHeaders().set("X-Accel-Buffering", "no");
        }
    }

    /** One open stream: while its replay is read, live events wait. */
    private final class Stream {

        private final String channel;
        private final SseEmitter emitter;
        private final ReentrantLock lock = new ReentrantLock();
        private @Nullable List<LiveEvent> held;

        /**
         * The ids the replay covered. A notice can reach this instance's listener after the replay
         * that already held it was read (the listener runs behind under load); it is not sent twice.
         */
        private Set<String> replayed = Set.of();

        Stream(String channel, SseEmitter emitter, boolean replaying) {
            this.channel = channel;
            this.emitter = emitter;
            this.held = replaying ? new ArrayList<>() : null;
        }

        void offer(LiveEvent event) {
            lock.lock();
            try {
                List<LiveEvent> waiting = held;
                if (waiting != null) {
                    waiting.add(event);
                } else if (!replayed.contains(event.id())) {
                    send(message(event));
                }
            } finally {
                lock.unlock();
            }
        }

        void replay(Replay replay) {
            lock.lock();
            try {
                if (replay.reload()) {
                    SseEmitter.SseEventBuilder reload =
                            SseEmitter.event().name(LiveUpdates.RELOAD).data("missed");
                    String current = replay.currentId();
                    send(current == null ? reload : reload.id(current));
                }
                replay.events().forEach(event -> send(message(event)));
                List<LiveEvent> waiting = held;
                if (waiting != null) {
                    waiting.stream()
                            .filter(event -> !replay.covered().contains(event.id()))
                            .forEach(event -> send(message(event)));
                }
                held = null;
                replayed = replay.covered();
            } finally {
                lock.unlock();
            }
        }

        void send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                // The browser went away; forget it.
                streams.getOrDefault(channel, List.of()).remove(this);
                emitter.completeWithError(e);
            }
        }
    }
}
