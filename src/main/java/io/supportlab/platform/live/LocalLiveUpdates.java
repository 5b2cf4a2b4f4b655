package io.supportlab.platform.live;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of one instance (SQLite): events get their ids from this process and are replayed
 * from memory. It stops before the web server's graceful shutdown, ending the open streams.
 */
class LocalLiveUpdates implements LiveUpdates, SmartLifecycle {

    private final Hub hub = new Hub();
    private final MemoryBacklog backlog;
    private volatile boolean running;

    LocalLiveUpdates(Clock clock) {
        this.backlog = new MemoryBacklog(clock);
    }

    @Override
    public SseEmitter subscribe(String channel, @Nullable String lastEventId) {
        return hub.subscribe(channel, lastEventId, backlog);
    }

    @Override
    public void publish(String channel, List<String> events, String data) {
        for (String event : events) {
            hub.deliver(backlog.append(channel, event, data));
        }
    }

    @Override
    public void signal(String channel, String event, String data) {
        hub.signal(channel, event, data);
    }

    @Override
    public void listen(String channel, NoticeHandler handler) {
        hub.listen(channel, handler);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        hub.close();
    }

    /** For tests: what a browser sees when its stream's lifetime ends. */
    void endStreams() {
        hub.endStreams();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
