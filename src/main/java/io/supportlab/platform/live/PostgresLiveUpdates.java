package io.supportlab.platform.live;

import io.supportlab.platform.ClusterJobs;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live updates across instances: {@code publish} writes the event to {@code live_events} and sends
 * it as a {@code NOTIFY} in the same statement, and every instance (this one included) holds one
 * connection that {@code LISTEN}s and hands what arrives to its local streams. The table's ids mean
 * the same on every instance, so a stream can reconnect to any instance, without sticky routing,
 * and be replayed what it missed. The listener reconnects by itself if the database restarts.
 *
 * <p>Ids are taken when the row is inserted and notices are delivered when it commits, so two
 * publishes racing may be delivered in the other order (11 before 10). Live, both arrive anyway. A
 * replay after 11 does not hold 10 if 10 was not yet committed when the replay was read; it then
 * arrives live (the stream listens before it reads the replay). What remains: a stream that got 11
 * and dropped before 10 was committed misses 10, a window of the few milliseconds between the two
 * statements' commits (the two notices of one ticket change commit together).
 */
class PostgresLiveUpdates implements LiveUpdates, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresLiveUpdates.class);
    static final String PG_CHANNEL = "supportlab_live";
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** Kept so long after a newer event: a stream away for longer reloads. */
    static final Duration RETENTION = Duration.ofMinutes(5);

    private static final ClusterJobs.Job FORGET_OLD_EVENTS =
            ClusterJobs.Job.every("live-events-retention", Duration.ofMinutes(1), Duration.ofSeconds(30));

    /** On the wire: {@code id} is null for a {@link #signal signal}, which is not kept. */
    record Notice(@Nullable String id, String channel, String event, String data) {}

    private final Hub hub = new Hub();
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ClusterJobs jobs;
    private volatile boolean running;
    private @Nullable Thread listener;

    PostgresLiveUpdates(DataSource dataSource, JsonMapper json, ClusterJobs jobs) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.json = json;
        this.jobs = jobs;
    }

    @Override
    public SseEmitter subscribe(String channel, @Nullable String lastEventId) {
        return hub.subscribe(channel, lastEventId, this::since);
    }

    /** One round trip: the rows and their notices, each carrying its row's id. */
    @Override
    public void publish(String channel, List<String> events, String data) {
        jdbc.sql("""
                        WITH e AS (
                            INSERT INTO live_events (channel, event, data)
                            SELECT :channel, t.event, :data
                            FROM unnest(ARRAY[:events]::text[]) WITH ORDINALITY AS t (event, n)
                            ORDER BY t.n
                            RETURNING id, channel, event, data)
                        SELECT pg_notify(:pg, json_build_object(
                            'id', e.id::text, 'channel', e.channel, 'event', e.event, 'data', e.data)::text)
                        FROM e""")
                .param("channel", channel)
                .param("events", events)
                .param("data", data)
                .param("pg", PG_CHANNEL)
                .query((rs, n) -> 1)
                .list();
    }

    @Override
    public void signal(String channel, String event, String data) {
        jdbc.sql("SELECT pg_notify(:pg, :payload)")
                .param("pg", PG_CHANNEL)
                .param("payload", json.writeValueAsString(new Notice(null, channel, event, data)))
                .query((rs, n) -> 1)
                .list();
    }

    @Override
    public void listen(String channel, NoticeHandler handler) {
        hub.listen(channel, handler); // notices of every instance arrive through dispatch()
    }

    /**
     * What a stream missed after {@code lastEventId}. Ids have gaps (a sequence does not roll
     * back), so the event the stream last got must itself still be kept: then every later one is.
     */
    Replay since(String channel, String lastEventId) {
        long after;
        try {
            after = Long.parseLong(lastEventId);
        } catch (NumberFormatException e) {
            return Replay.reload(currentId());
        }
        List<LiveEvent> rows = jdbc.sql("""
                        SELECT id, channel, event, data FROM live_events
                        WHERE id >= :after AND (id = :after OR channel = :channel)
                        ORDER BY id LIMIT :limit""")
                .param("after", after)
                .param("channel", channel)
                .param("limit", LiveUpdates.REPLAY_LIMIT + 2)
                .query((rs, n) -> new LiveEvent(
                        String.valueOf(rs.getLong("id")),
                        rs.getString("channel"),
                        rs.getString("event"),
                        rs.getString("data")))
                .list();
        if (rows.isEmpty()
                || !rows.getFirst().id().equals(String.valueOf(after))
                || rows.size() > LiveUpdates.REPLAY_LIMIT + 1) {
            return Replay.reload(currentId());
        }
        return Replay.of(rows.subList(1, rows.size()));
    }

    private @Nullable String currentId() {
        return jdbc.sql("SELECT max(id)::text FROM live_events")
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Once a minute, by one instance of the cluster (the delete is idempotent all the same). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetOldEvents() {
        jobs.runOnce(FORGET_OLD_EVENTS, () -> forgetOlderThan(RETENTION));
    }

    /**
     * Forgets events older than {@code retention}, except the newest of them: a stream whose last
     * event that is has missed nothing older than the retention, so it can still be replayed.
     */
    int forgetOlderThan(Duration retention) {
        return jdbc.sql("""
                        DELETE FROM live_events WHERE id < (
                            SELECT max(id) FROM live_events
                            WHERE published_at < now() - :seconds * interval '1 second')""").param("seconds", retention.toSeconds()).update();
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
            String id = notice.id();
            if (id == null) {
                hub.signal(notice.channel(), notice.event(), notice.data());
            } else {
                hub.deliver(new LiveEvent(id, notice.channel(), notice.event(), notice.data()));
            }
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
