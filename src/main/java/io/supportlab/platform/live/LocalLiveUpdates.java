package io.supportlab.platform.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The in-process hub: subscribers of this instance, by channel. It stops before the web server's
 * graceful shutdown, ending the open streams, which would otherwise hold the shutdown up.
 */
class LocalLiveUpdates implements LiveUpdates, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalLiveUpdates.class);

    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    /** Proxies close idle connections; a comment line now and then keeps the stream open. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, List<NoticeHandler>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sse-heartbeat").factory());

    LocalLiveUpdates() {
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public SseEmitter subscribe(String channel) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        List<SseEmitter> list = subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // Without a first line the response stays unsent until the first event, and the browser
        // cannot tell a live stream from a stalled one.
        send(channel, emitter, SseEmitter.event().comment("connected"));
        return emitter;
    }

    @Override
    public void publish(String channel, String event, String data) {
        deliver(channel, event, data);
    }

    @Override
    public void listen(String channel, NoticeHandler handler) {
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Sends to this instance's subscribers and listeners only. */
    void deliver(String channel, String event, String data) {
        for (NoticeHandler handler : handlers.getOrDefault(channel, List.of())) {
            try {
                handler.notice(event, data);
            } catch (RuntimeException e) {
                log.warn("A listener of {} failed on {}", channel, event, e);
            }
        }
        for (SseEmitter emitter : subscribers.getOrDefault(channel, List.of())) {
            send(channel, emitter, SseEmitter.event().name(event).data(data));
        }
    }

    private void beat() {
        subscribers.forEach((channel, list) -> list.forEach(
                emitter -> send(channel, emitter, SseEmitter.event().comment("keep-alive"))));
    }

    private void send(String channel, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser went away; forget it.
            subscribers.getOrDefault(channel, List.of()).remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        subscribers.values().forEach(list -> list.forEach(SseEmitter::complete));
        subscribers.clear();
    }
}
