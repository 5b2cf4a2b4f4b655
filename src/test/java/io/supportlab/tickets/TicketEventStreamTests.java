package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.live.LiveUpdates;
import io.supportlab.testing.EventStream;
import io.supportlab.testing.EventStream.Event;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ticket pages' live-update stream as a browser reads it: an agent's session, a real HTTP
 * stream. A stream that reconnects with the id of the last event it got is sent exactly what it
 * missed, or {@code reload} when it missed too much or its id means nothing here.
 */
class TicketEventStreamTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        static final Duration WAIT = Duration.ofSeconds(5);
        /** Long enough for a stray event to arrive through NOTIFY; nothing is expected. */
        static final Duration QUIET = Duration.ofMillis(500);

        @Autowired
        LiveUpdates live;

        PageSession agent;
        final List<EventStream> streams = new ArrayList<>();

        @BeforeEach
        void signIn() {
            agent = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        }

        @AfterEach
        void closeStreams() {
            streams.forEach(EventStream::close);
        }

        @Test
        void aStreamThatReconnectsWithItsLastIdGetsExactlyWhatItMissedThenLiveEvents() {
            EventStream first = connect(Map.of());
            String a = createTicket("Printer on fire");
            List<Event> seen = first.next(2, WAIT);
            assertThat(seen)
                    .extracting(Event::toString)
                    .containsExactly("ticket-changed " + a, "ticket-" + a + " " + a);
            first.close();

            String b = createTicket("Scanner jammed");
            setStatus(a, "in-progress");

            EventStream again = connect(Map.of("Last-Event-ID", idOf(seen.getLast())));
            List<Event> replayed = again.next(4, WAIT);
            assertThat(replayed)
                    .extracting(Event::toString)
                    .containsExactly(
                            "ticket-changed " + b,
                            "ticket-" + b + " " + b,
                            "ticket-changed " + a,
                            "ticket-" + a + " " + a);
            assertThat(replayed).allSatisfy(event -> assertThat(event.id()).isNotBlank());
            assertThat(again.anyWithin(QUIET)).as("nothing more was missed").isFalse();

            setStatus(b, "in-progress");
            assertThat(again.next(WAIT).toString()).isEqualTo("ticket-changed " + b);
        }

        @Test
        void aStreamThatMissedMoreThanTheLimitIsToldToReloadAndThenReplaysFromThere() {
            EventStream first = connect(Map.of());
            String a = createTicket("Printer on fire");
            String lastSeen = idOf(first.next(2, WAIT).getLast());
            first.close();

            // Changes of other tickets, on this or another instance.
            for (int i = 0; i <= LiveUpdates.REPLAY_LIMIT; i++) {
                live.publish("tickets", "ticket-changed", "other-" + i);
            }

            EventStream again = connect(Map.of("Last-Event-ID", lastSeen));
            Event reload = again.next(WAIT);
            assertThat(reload.name()).isEqualTo(LiveUpdates.RELOAD);
            again.close();

            setStatus(a, "in-progress");
            EventStream third = connect(Map.of("Last-Event-ID", idOf(reload)));
            assertThat(third.next(2, WAIT))
                    .extracting(Event::toString)
                    .containsExactly("ticket-changed " + a, "ticket-" + a + " " + a);
        }

        @Test
        void aStreamWhoseIdMeansNothingHereIsToldToReload() {
            createTicket("Printer on fire");
            for (String unknown : List.of("nonsense", "0a1b2c3d-1", "999999999999", "x".repeat(300))) {
                try (EventStream stream = connect(Map.of("Last-Event-ID", unknown))) {
                    assertThat(stream.next(WAIT).name()).as(unknown).isEqualTo(LiveUpdates.RELOAD);
                }
            }
        }

        @Test
        void aNewStreamIsNotToldToReloadAndAsksProxiesNotToBufferIt() {
            HttpResponse<InputStream> response = agent.open("/tickets/events", Map.of());
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            EventStream fresh = new EventStream(response);
            streams.add(fresh);
            assertThat(fresh.anyWithin(QUIET)).isFalse();
        }

        @Test
        void theLastIdMayComeAsAParameterAndTheHeaderIsTheNewerOfTheTwo() {
            EventStream first = connect(Map.of());
            String a = createTicket("Printer on fire");
            String older = idOf(first.next(2, WAIT).getLast());
            String b = createTicket("Scanner jammed");
            String newer = idOf(first.next(2, WAIT).getLast());
            first.close();

            EventStream byParameter =
                    connect("?lastEventId=" + URLEncoder.encode(older, StandardCharsets.UTF_8), Map.of());
            assertThat(byParameter.next(2, WAIT))
                    .extracting(Event::toString)
                    .containsExactly("ticket-changed " + b, "ticket-" + b + " " + b);

            EventStream both = connect(
                    "?lastEventId=" + URLEncoder.encode(older, StandardCharsets.UTF_8), Map.of("Last-Event-ID", newer));
            assertThat(both.anyWithin(QUIET))
                    .as("nothing after the header's id")
                    .isFalse();
            assertThat(a).isNotEqualTo(b);
        }

        EventStream connect(Map<String, String> headers) {
            return connect("", headers);
        }

        EventStream connect(String query, Map<String, String> headers) {
            EventStream stream = new EventStream(agent.open("/tickets/events" + query, headers));
            streams.add(stream);
            return stream;
        }

        String createTicket(String title) {
            return api(admin())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"" + title + "\",\"description\":\"Details of " + title
                                    + "\",\"priority\":\"high\",\"contact_email\":\"someone@example.com\"}",
                            201)
                    .get("id")
                    .asString();
        }

        void setStatus(String ticket, String status) {
            api(admin()).put("/api/tickets/" + ticket, "{\"status\":\"" + status + "\"}", 200);
        }

        static String idOf(Event event) {
            String id = event.id();
            assertThat(id).as("the id of " + event).isNotNull();
            return String.valueOf(id);
        }
    }
}
