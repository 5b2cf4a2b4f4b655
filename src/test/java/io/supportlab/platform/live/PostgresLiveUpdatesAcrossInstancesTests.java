package io.supportlab.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.platform.ClusterJobs;
import io.supportlab.testing.EventStream;
import io.supportlab.testing.EventStream.Event;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ids of live events mean the same on every instance sharing the database, so a browser may
 * reconnect to any instance. The application under test is instance A; instance B is a second
 * {@link PostgresLiveUpdates} on the same database, with its own listening connection (B has no
 * web server here: what B would send a reconnecting stream is what its replay reads).
 */
@UsePostgres
class PostgresLiveUpdatesAcrossInstancesTests extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    LiveUpdates live;

    @Autowired
    DataSource dataSource;

    @Autowired
    JsonMapper json;

    @Autowired
    ClusterJobs jobs;

    PostgresLiveUpdates other;
    EventStream stream;

    @BeforeEach
    void startTheOtherInstance() {
        other = new PostgresLiveUpdates(dataSource, json, jobs);
        other.start();
        stream = new EventStream(
                PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD).open("/tickets/events", Map.of()));
    }

    @AfterEach
    void stopTheOtherInstance() {
        stream.close();
        other.stop();
    }

    @Test
    void anIdAStreamGotFromOneInstanceReplaysOnTheOther() {
        other.publish("tickets", "ticket-changed", "published on B");
        Event fromB = stream.next(WAIT);
        assertThat(fromB.toString()).as("B's event reaches A's stream").isEqualTo("ticket-changed published on B");
        String seen = String.valueOf(fromB.id());

        // The browser is away; both instances publish; it reconnects to B.
        live.publish("tickets", "ticket-changed", "published on A");
        other.publish("tickets", "ticket-1", "published on B again");
        live.publish("faq-index", "changed", "another channel");

        Replay onB = other.since("tickets", seen);
        assertThat(onB.reload()).isFalse();
        assertThat(onB.events())
                .extracting(e -> e.event() + " " + e.data())
                .containsExactly("ticket-changed published on A", "ticket-1 published on B again");
        assertThat(((PostgresLiveUpdates) live).since("tickets", seen))
                .as("A replays the same")
                .isEqualTo(onB);
    }

    @Test
    void severalEventsPublishedAtOnceArriveAndReplayInTheirOrderWithTheirOwnIds() {
        other.publish("tickets", "ticket-changed", "before");
        String seen = String.valueOf(stream.next(WAIT).id());

        other.publish("tickets", List.of("ticket-changed", "ticket-7"), "7");

        Event first = stream.next(WAIT);
        Event second = stream.next(WAIT);
        assertThat(List.of(first.toString(), second.toString())).containsExactly("ticket-changed 7", "ticket-7 7");
        assertThat(Long.parseLong(String.valueOf(second.id())))
                .isGreaterThan(Long.parseLong(String.valueOf(first.id())));
        assertThat(((PostgresLiveUpdates) live).since("tickets", seen).events())
                .extracting(e -> e.event() + " " + e.data())
                .containsExactly("ticket-changed 7", "ticket-7 7");
    }

    @Test
    void signalsReachEveryInstanceAndAreNotKept() {
        List<String> heard = new CopyOnWriteArrayList<>();
        live.listen("experiment-settings", (event, data) -> heard.add(event + " " + data));
        int before = rows();

        other.signal("experiment-settings", "changed", "e1 key");

        await().atMost(WAIT).until(() -> heard.contains("changed e1 key"));
        assertThat(rows()).isEqualTo(before);
        assertThat(stream.anyWithin(Duration.ofMillis(300)))
                .as("no page gets a signal")
                .isFalse();
    }

    @Test
    void oldEventsAreForgottenButTheNewestOfThemAndAStreamThatMissedOneReloads() {
        other.publish("tickets", "ticket-changed", "first");
        String first = String.valueOf(stream.next(WAIT).id());
        live.publish("tickets", "ticket-changed", "second");
        String second = String.valueOf(stream.next(WAIT).id());

        assertThat(other.forgetOlderThan(Duration.ZERO)).isEqualTo(1);

        assertThat(rows()).isEqualTo(1);
        Replay missedOne = other.since("tickets", first);
        assertThat(missedOne.reload()).isTrue();
        assertThat(missedOne.currentId()).isEqualTo(second);
        assertThat(other.since("tickets", second)).isEqualTo(Replay.of(List.of()));
        assertThat(other.forgetOlderThan(Duration.ofMinutes(5)))
                .as("nothing is that old")
                .isZero();
    }

    private int rows() {
        return jdbc.sql("SELECT count(*) FROM live_events").query(Integer.class).single();
    }
}
