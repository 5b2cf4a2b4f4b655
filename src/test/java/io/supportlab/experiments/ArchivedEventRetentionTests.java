package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw events of experiments archived longer ago than the retention are deleted; assignments and
 * stored results stay, on both databases. The job is called with a clock moved forward.
 */
class ArchivedEventRetentionTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @TestPropertySource(properties = "supportlab.experiments.archived-event-retention=30d")
    abstract static class Contract extends IntegrationTest {

        @Autowired
        ArchivedEventRetention retention;

        @Autowired
        ExperimentRepository experimentRows;

        @Autowired
        EventRepository events;

        @Autowired
        ResultsService results;

        @Autowired
        Clock clock;

        @Autowired
        JsonMapper json;

        ExperimentRequests requests;
        Instant archivedAround;

        /** "old" is archived now, never calculated; "done" completed, "live" still running. */
        @BeforeEach
        void threeExperimentsWithEvents() {
            requests = new ExperimentRequests(json, admin());
            for (String key : new String[] {"old", "done", "live"}) {
                requests.running(key, key);
                for (int u = 0; u < 3; u++) {
                    requests.post(anonymous(), "/api/ab-tests/" + key + "/assign", user(u), 200);
                    requests.post(anonymous(), "/api/ab-tests/" + key + "/events", goEvent(u), 201);
                }
            }
            requests.setStatus("old", "completed", 200);
            requests.setStatus("done", "completed", 200);
            archivedAround = Instant.now(clock);
            requests.setStatus("old", "archived", 200);
        }

        @Test
        void deletesOnlyTheRawEventsOfExperimentsArchivedLongerAgoThanTheRetention() {
            assertThat(retention.deleteExpired(archivedAround.plus(Duration.ofDays(29))))
                    .isZero();
            assertThat(eventsOf("old")).isEqualTo(3);

            assertThat(retention.deleteExpired(archivedAround.plus(Duration.ofDays(31)), 2))
                    .isEqualTo(3);
            assertThat(eventsOf("old")).isZero();
            assertThat(eventsOf("done")).isEqualTo(3);
            assertThat(eventsOf("live")).isEqualTo(3);
            assertThat(count("SELECT COUNT(*) FROM ab_test_assignments")).isEqualTo(9);
            assertThat(retention.deleteExpired(archivedAround.plus(Duration.ofDays(60))))
                    .isZero();
        }

        @Test
        void theResultsAreStoredBeforeTheEventsGoAndStayViewable() {
            retention.deleteExpired(archivedAround.plus(Duration.ofDays(31)));
            JsonNode stored = json.readTree(admin().get()
                    .uri("/api/ab-tests/old/results")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody());
            assertThat(converters(stored)).isEqualTo(3);
            PageSession page = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(page.get("/experiments/old").statusCode()).isEqualTo(200);
        }

        @Test
        void refusesToRecalculateFromWhatIsLeft() {
            retention.deleteExpired(archivedAround.plus(Duration.ofDays(31)));
            JsonNode refused = requests.post(admin(), "/api/ab-tests/old/calculate", "", 409);
            assertThat(refused.get("detail").asString()).contains("raw events", "cannot be recalculated");
            assertThat(converters(results.get("old"))).isEqualTo(3);
            var page = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD)
                    .post("/experiments/old/calculate", java.util.Map.of());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("cannot be recalculated");
            assertThat(converters(results.get("old"))).isEqualTo(3);
            requests.post(admin(), "/api/ab-tests/done/calculate", "", 200);
        }

        @Test
        void storedResultsAreFinalOnceTheEventsAreGoneEvenIfTheyLookOutOfDate() {
            retention.deleteExpired(archivedAround.plus(Duration.ofDays(31)));
            // As if the experiment had changed after its results were stored: normally a reason to recount.
            jdbc.sql("UPDATE ab_tests SET version = version + 1 WHERE experiment_key = 'old'")
                    .update();
            assertThat(converters(results.get("old"))).isEqualTo(3);
            assertThat(converters(requests.get(admin(), "/api/ab-tests/old/results", 200)))
                    .isEqualTo(3);
        }

        @Test
        void keepsEveryEventWithoutARetention() {
            ArchivedEventRetention keepForever =
                    new ArchivedEventRetention(experimentRows, events, results, new ExperimentsProperties(null), clock);
            assertThat(keepForever.deleteExpired(archivedAround.plus(Duration.ofDays(36_500))))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM ab_test_events")).isEqualTo(9);
        }

        long eventsOf(String key) {
            return jdbc.sql("SELECT COUNT(*) FROM ab_test_events e JOIN ab_tests t ON t.id = e.test_id"
                            + " WHERE t.experiment_key = :key")
                    .param("key", key)
                    .query(Long.class)
                    .single();
        }

        long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }

        static long converters(JsonNode results) {
            long converters = 0;
            for (JsonNode row : results.get("results")) {
                converters += row.get("conversion_count").asLong();
            }
            return converters;
        }

        long converters(ExperimentResults results) {
            return converters(json.valueToTree(results));
        }

        static String user(int u) {
            return "{\"user_identifier\":\"user-" + u + "\"}";
        }

        static String goEvent(int u) {
            return "{\"user_identifier\":\"user-" + u + "\",\"event_name\":\"go\"}";
        }
    }
}
