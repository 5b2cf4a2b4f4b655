package io.supportlab.platform.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates across instances: {@code publish} is a {@code NOTIFY}, and every instance (this one
 * included) holds one connection that {@code LISTEN}s and hands what arrives to its local
 * subscribers. The listener reconnects by itself if the database restarts.
 */
class PostgresLiveUpdates implements LiveUpdates, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresLiveUpdates.class);
    static final String PG_CHANNEL = "supportlab_live";
    private static final Duration RETRY = Duration.ofSeconds(2);

    record Notice(String channel, String event, String data) {}

    private final LocalLiveUpdates local;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile boolean running;
    private @Nullable Thread listener;

    PostgresLiveUpdates(LocalLiveUpdates local, DataSource dataSource, JsonMapper json) {
        this.local = local;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
    }

    @Override
    public SseEmitter subscribe(String channel) {
        return local.subscribe(channel);
    }

    @Override
    public void publish(String channel, String event, String data) {
        String payload = json.writeValueAsString(new Notice(channel, event, data));
        jdbc.sql("SELECT pg_notify(:channel, :payload)")
                .param("channel", PG_CHANNEL)
                .param("payload", payload)
                .query((rs, n) -> 1)
                .list();
    }

    @Override
    public void listen(String channel, NoticeHandler handler) {
        local.listen(channel, handler); // notices of every instance arrive through dispatch()
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofVirtual().name("pg-live-updates").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
        local.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + PG_CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Live updates listener lost its connection ({}); retrying", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void dispatch(String payload) {
        try {
            Notice notice = json.readValue(payload, Notice.class);
            local.deliver(notice.channel(), notice.event(), notice.data());
        } catch (RuntimeException e) {
            log.warn("Ignoring malformed live update {}", payload, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
