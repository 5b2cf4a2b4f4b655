package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public tracking endpoints cost the database: the experiments a request names are looked
 * up with one query whatever their number, the user's assignments to them with one more, and an
 * unknown id or key is remembered as missing, so a flood of them costs no database time at all.
 * Counted on the repositories, not timed.
 */
class TrackingLookupTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        /** The repository methods that read experiments or a user's assignments. */
        static final Set<String> EXPERIMENT_LOOKUPS = Set.of("find", "findAll", "running");

        static final Set<String> ASSIGNMENT_LOOKUPS = Set.of("find", "findAll", "findOfUser");

        @MockitoSpyBean
        ExperimentRepository experimentRows;

        @MockitoSpyBean
        AssignmentRepository assignmentRows;

        final JsonMapper json = JsonMapper.builder().build();

        ExperimentRequests requests;

        @BeforeEach
        void twoRunningExperiments() {
            requests = new ExperimentRequests(json, admin());
            requests.running("one", "One");
            requests.running("two", "Two");
            Mockito.clearInvocations(experimentRows, assignmentRows);
        }

        @Test
        void bulkAssignmentLooksUpEveryNamedExperimentAtOnce() {
            JsonNode answer = bulkAssign("visitor", keys(98, "unknown-", "one", "two"));
            assertThat(answer.size()).isEqualTo(2);
            assertThat(lookups(experimentRows, EXPERIMENT_LOOKUPS)).isEqualTo(1);
            assertThat(lookups(assignmentRows, ASSIGNMENT_LOOKUPS)).isEqualTo(1);
        }

        @Test
        void unknownKeysAreRememberedAsMissing() {
            List<String> unknown = keys(100, "nothing-", new String[0]);
            bulkAssign("visitor", unknown);
            Mockito.clearInvocations(experimentRows);
            for (int i = 0; i < 5; i++) {
                assertThat(bulkAssign("visitor-" + i, unknown).size()).isZero();
            }
            assertThat(lookups(experimentRows, EXPERIMENT_LOOKUPS)).isZero();
        }

        @Test
        void singleEndpointsRememberAnUnknownIdAsMissing() {
            for (int i = 0; i < 3; i++) {
                post("/api/ab-tests/no-such-experiment/assign", "{\"user_identifier\":\"u\"}", 404);
                post(
                        "/api/ab-tests/no-such-experiment/events",
                        "{\"user_identifier\":\"u\",\"event_name\":\"go\"}",
                        404);
            }
            assertThat(lookups(experimentRows, EXPERIMENT_LOOKUPS)).isEqualTo(1);
        }

        @Test
        void anEventBatchLooksUpItsExperimentsAtOnce() {
            bulkAssign("clicker", List.of("one", "two"));
            Mockito.clearInvocations(experimentRows);
            StringBuilder events = new StringBuilder("{\"events\":[");
            for (int i = 0; i < 200; i++) {
                String experiment = i % 2 == 0 ? "missing-" + i : (i % 4 == 1 ? "one" : "two");
                events.append(i == 0 ? "" : ",")
                        .append("{\"experiment\":\"")
                        .append(experiment)
                        .append("\",\"user_identifier\":\"clicker\",\"event_name\":\"go\"}");
            }
            JsonNode result = post("/api/ab/events", events.append("]}").toString(), 200);
            assertThat(result.get("accepted").asInt()).isEqualTo(100);
            assertThat(result.get("rejected").asInt()).isEqualTo(100);
            assertThat(lookups(experimentRows, EXPERIMENT_LOOKUPS)).isEqualTo(1);
        }

        @Test
        void anExperimentCreatedUnderAKeyRememberedAsMissingIsFoundAtOnce() {
            post("/api/ab-tests/later/assign", "{\"user_identifier\":\"u\"}", 404);
            assertThat(bulkAssign("u", List.of("later")).size()).isZero();
            requests.create("{\"name\":\"Later\",\"key\":\"later\",\"target_metric\":\"go\","
                    + "\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            assertThat(bulkAssign("u", List.of("later")).size()).isEqualTo(1);
            requests.setStatus("later", "running", 200);
            assertThat(post("/api/ab-tests/later/assign", "{\"user_identifier\":\"u\"}", 200)
                            .get("in_experiment")
                            .asBoolean())
                    .isTrue();
        }

        @Test
        void assigningToEveryRunningExperimentReadsThemOnceAndSeesAChangeAtOnce() {
            for (int i = 0; i < 3; i++) {
                assertThat(assignRunning("visitor-" + i)).containsExactlyInAnyOrder("one", "two");
            }
            assertThat(lookups(experimentRows, Set.of("running"))).isEqualTo(1);
            requests.running("three", "Three");
            assertThat(assignRunning("visitor")).containsExactlyInAnyOrder("one", "two", "three");
            requests.setStatus("one", "paused", 200);
            assertThat(assignRunning("visitor")).containsExactlyInAnyOrder("two", "three");
        }

        /** The keys of the experiments a user was assigned to without naming any. */
        List<String> assignRunning(String user) {
            List<String> keys = new ArrayList<>();
            post("/api/ab/assign", "{\"user_identifier\":\"" + user + "\"}", 200)
                    .forEach(answer -> keys.add(answer.get("key").asString()));
            return keys;
        }

        JsonNode bulkAssign(String user, List<String> experiments) {
            return post(
                    "/api/ab/assign",
                    json.writeValueAsString(java.util.Map.of("user_identifier", user, "experiments", experiments)),
                    200);
        }

        JsonNode post(String uri, String body, int status) {
            return requests.post(anonymous(), uri, body, status);
        }

        static List<String> keys(int count, String prefix, String... more) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                keys.add(prefix + i);
            }
            keys.addAll(List.of(more));
            return keys;
        }

        static long lookups(Object spy, Set<String> methods) {
            return Mockito.mockingDetails(spy).getInvocations().stream()
                    .filter(invocation ->
                            methods.contains(invocation.getMethod().getName()))
                    .count();
        }
    }
}
