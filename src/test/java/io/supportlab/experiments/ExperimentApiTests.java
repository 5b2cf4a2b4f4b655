package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.paging.PageRequest;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed's A/B testing API and its extensions over HTTP, on SQLite and PostgreSQL. */
class ExperimentApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        static final String SEED_EXPERIMENT = """
                {"name": "Button Color Experiment", "description": "Testing button color impact on conversions",
                 "hypothesis": "Blue buttons will increase click-through rate by 20%", "control_variant": "green_button",
                 "test_variant": "blue_button", "target_metric": "clicks", "minimum_sample_size": 100,
                 "confidence_level": 0.95}""";

        @Autowired
        JsonMapper json;

        @Autowired
        ExperimentCache cache;

        @Autowired
        ExperimentService experiments;

        @Autowired
        DefaultExperiments defaults;

        @Test
        void theFeaturesDeclaredExperimentsAreCreatedOnceAsDrafts() {
            defaults.ensure();
            defaults.ensure();
            var all = experiments
                    .list(null, PageRequest.first(PageRequest.MAX_LIMIT))
                    .items();
            assertThat(all)
                    .extracting(Experiment::key)
                    .containsExactlyInAnyOrder("ticket-form-layout", "faq-form-theme");
            Experiment ticketForm = experiments.get("ticket-form-layout");
            assertThat(ticketForm.status()).isEqualTo(ExperimentStatus.DRAFT);
            assertThat(ticketForm.metrics()).containsExactly("ticket_submitted", "faq_suggestion_clicked");
            assertThat(ticketForm.variants())
                    .extracting(Variant::displayName)
                    .containsExactly("Plain form", "Gradient, Get Help Now");
            assertThat(ticketForm.minimumSampleSize()).isEqualTo(200);
            Experiment faqForm = experiments.get("faq-form-theme");
            assertThat(faqForm.metrics()).containsExactly("faq_created");
            assertThat(faqForm.minimumSampleSize()).isEqualTo(50);
            assertThat(faqForm.minimumDetectableEffect()).isEqualTo(0.2);
        }

        ExperimentRequests requests() {
            return new ExperimentRequests(json, admin());
        }

        JsonNode post(RestTestClient client, String uri, String body, int status) {
            return requests().post(client, uri, body, status);
        }

        JsonNode create(String body) {
            return requests().create(body);
        }

        String running(String body) {
            return requests().running(body);
        }

        JsonNode setStatus(String id, String status, int expected) {
            return requests().setStatus(id, status, expected);
        }

        JsonNode assign(String id, String user) {
            return post(anonymous(), "/api/ab-tests/" + id + "/assign", "{\"user_identifier\":\"" + user + "\"}", 200);
        }

        JsonNode event(String id, String user, String name, int status) {
            return post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/events",
                    "{\"user_identifier\":\"" + user + "\",\"event_name\":\"" + name + "\",\"event_value\":1}",
                    status);
        }

        long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }

        @Test
        void seedWalkthroughRunsEndToEnd() {
            JsonNode created = create(SEED_EXPERIMENT);
            assertThat(created.get("status").asString()).isEqualTo("draft");
            assertThat(created.get("key").asString()).isEqualTo("button-color-experiment");
            assertThat(created.get("variants").size()).isEqualTo(2);
            assertThat(created.get("variants").get(0).get("weight").asDouble()).isEqualTo(0.5);
            String id = created.get("id").asString();

            JsonNode draftAssignment = assign(id, "user123");
            assertThat(draftAssignment.get("in_experiment").asBoolean()).isFalse();
            assertThat(draftAssignment.get("variant").asString()).isEqualTo("green_button");
            assertThat(count("SELECT COUNT(*) FROM ab_test_assignments")).isZero();

            JsonNode started = setStatus(id, "running", 200);
            assertThat(started.get("start_date").isNull()).isFalse();

            JsonNode first = assign(id, "user123");
            assertThat(first.get("in_experiment").asBoolean()).isTrue();
            assertThat(first.get("new_assignment").asBoolean()).isTrue();
            for (int i = 0; i < 3; i++) {
                JsonNode again = assign(id, "user123");
                assertThat(again.get("variant").asString())
                        .isEqualTo(first.get("variant").asString());
                assertThat(again.get("new_assignment").asBoolean()).isFalse();
            }
            post(anonymous(), "/api/ab-tests/" + id + "/events", """
                    {"user_identifier": "user123", "event_name": "clicks", "event_value": 1,
                     "event_data": "{\\"color\\": \\"blue\\", \\"location\\": \\"header\\"}"}""", 201);
            for (int i = 1; i <= 20; i++) {
                assign(id, "testuser" + i);
                if (i % 3 == 0) {
                    event(id, "testuser" + i, "clicks", 201);
                }
            }
            JsonNode calculated =
                    post(withBasicAuth(ADMIN_EMAIL, ADMIN_PASSWORD), "/api/ab-tests/" + id + "/calculate", "", 200);
            JsonNode rows = calculated.get("results");
            assertThat(rows.size()).isEqualTo(2);
            long sample = 0;
            long conversions = 0;
            for (JsonNode row : rows) {
                sample += row.get("sample_size").asLong();
                conversions += row.get("conversion_count").asLong();
                assertThat(row.get("metric").asString()).isEqualTo("clicks");
            }
            assertThat(sample).isEqualTo(21);
            assertThat(conversions).isEqualTo(7);
            assertThat(rows.get(1).get("p_value").isNull()).isFalse();
            admin().get()
                    .uri("/api/ab-tests/" + id + "/results")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.results.length()")
                    .isEqualTo(2)
                    .jsonPath("$.metrics[0].analysis.variants.length()")
                    .isEqualTo(2)
                    .jsonPath("$.timeseries.days.length()")
                    .isEqualTo(1);
            admin().get()
                    .uri("/api/ab-tests/" + id)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.total_participants")
                    .isEqualTo(21);
            admin().get()
                    .uri("/api/ab-tests")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[0].id")
                    .isEqualTo(id);
        }

        @Test
        void keyWorksInEveryPath() {
            create(
                    "{\"name\":\"Keyed\",\"key\":\"keyed-test\",\"control_variant\":\"a\",\"test_variant\":\"b\",\"target_metric\":\"go\"}");
            setStatus("keyed-test", "running", 200);
            assertThat(assign("keyed-test", "u1").get("in_experiment").asBoolean())
                    .isTrue();
            admin().get()
                    .uri("/api/ab-tests/keyed-test")
                    .exchange()
                    .expectStatus()
                    .isOk();
            post(
                    admin(),
                    "/api/ab-tests",
                    "{\"name\":\"Other\",\"key\":\"keyed-test\",\"control_variant\":\"a\",\"test_variant\":\"b\",\"target_metric\":\"go\"}",
                    409);
            JsonNode second = create(
                    "{\"name\":\"Keyed\",\"control_variant\":\"a\",\"test_variant\":\"b\",\"target_metric\":\"go\"}");
            assertThat(second.get("key").asString()).isEqualTo("keyed");
            assertThat(create(
                                    "{\"name\":\"Keyed\",\"control_variant\":\"a\",\"test_variant\":\"b\",\"target_metric\":\"go\"}")
                            .get("key")
                            .asString())
                    .isEqualTo("keyed-2");
        }

        @Test
        void rejectsInvalidDefinitionsPreciselyAndWritesNothing() {
            JsonNode weights = post(admin(), "/api/ab-tests", """
                    {"name":"W","target_metric":"go","variants":[{"key":"a","weight":0.5},{"key":"b","weight":0.6}]}""", 400);
            assertThat(weights.toString()).contains("weights must add up to 1");
            JsonNode one = post(admin(), "/api/ab-tests", """
                    {"name":"One","target_metric":"go","variants":[{"key":"a","weight":1}]}""", 400);
            assertThat(one.get("errors").get(0).get("field").asString()).isEqualTo("variants");
            JsonNode duplicate = post(admin(), "/api/ab-tests", """
                    {"name":"Dup","target_metric":"go","variants":[{"key":"a","weight":0.5},{"key":"a","weight":0.5}]}""", 400);
            assertThat(duplicate.toString()).contains("duplicates another variant's key");
            JsonNode confidence = post(admin(), "/api/ab-tests", """
                    {"name":"C","target_metric":"go","control_variant":"a","test_variant":"b","confidence_level":0.4,"coverage":1.5}""", 400);
            assertThat(confidence.toString()).contains("confidence_level", "coverage");
            JsonNode targeting = post(admin(), "/api/ab-tests", """
                    {"name":"T","target_metric":"go","control_variant":"a","test_variant":"b","targeting":{"plan":{"$regex":"x"}}}""", 400);
            assertThat(targeting.toString()).contains("unknown operator $regex");
            post(admin(), "/api/ab-tests", "{\"name\":\"M\",\"control_variant\":\"a\",\"test_variant\":\"b\"}", 400);
            post(
                    admin(),
                    "/api/ab-tests",
                    "{\"name\":\"K\",\"key\":\"Bad Key!\",\"control_variant\":\"a\",\"test_variant\":\"b\",\"target_metric\":\"go\"}",
                    400);
            assertThat(count("SELECT COUNT(*) FROM ab_tests")).isZero();
        }

        @Test
        void lifecycleFollowsItsTransitionsAndKeepsAnAuditLog() {
            String id = create(SEED_EXPERIMENT).get("id").asString();
            JsonNode illegal = setStatus(id, "completed", 409);
            assertThat(illegal.get("allowed").toString()).contains("running", "archived");
            setStatus(id, "running", 200);
            setStatus(id, "paused", 200);
            setStatus(id, "running", 200);
            JsonNode completed = setStatus(id, "completed", 200);
            assertThat(completed.get("end_date").isNull()).isFalse();
            setStatus(id, "running", 409);
            setStatus(id, "archived", 200);
            admin().get()
                    .uri("/api/ab-tests/" + id + "/audit")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(6)
                    .jsonPath("$[0].action")
                    .isEqualTo("created")
                    .jsonPath("$[1].action")
                    .isEqualTo("status")
                    .jsonPath("$[1].actor")
                    .isEqualTo(ADMIN_EMAIL);
        }

        @Test
        void variantsAndMetricAreFixedOnceStarted() {
            String id = create(SEED_EXPERIMENT).get("id").asString();
            admin().put()
                    .uri("/api/ab-tests/" + id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"variants\":[{\"key\":\"a\",\"weight\":0.3},{\"key\":\"b\",\"weight\":0.7}]}")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.control_variant")
                    .isEqualTo("a");
            setStatus(id, "running", 200);
            admin().put()
                    .uri("/api/ab-tests/" + id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                            "{\"variants\":[{\"key\":\"a\",\"weight\":0.5},{\"key\":\"b\",\"weight\":0.5}],\"target_metric\":\"other\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.locked_fields.length()")
                    .isEqualTo(2);
            admin().put()
                    .uri("/api/ab-tests/" + id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"description\":\"Clearer\",\"coverage\":0.5}")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.coverage")
                    .isEqualTo(0.5);
        }

        @Test
        void agentsReadButOnlyAdminsManage() {
            post(admin(), "/api/users", """
                    {"email":"agent@example.com","display_name":"Agent","password":"agent-password","role":"agent"}""", 201);
            RestTestClient agent = withBasicAuth("agent@example.com", "agent-password");
            post(agent, "/api/ab-tests", SEED_EXPERIMENT, 403);
            String id = create(SEED_EXPERIMENT).get("id").asString();
            agent.get().uri("/api/ab-tests/" + id).exchange().expectStatus().isOk();
            agent.put()
                    .uri("/api/ab-tests/" + id + "/status")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"running\"}")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            anonymous().get().uri("/api/ab-tests").exchange().expectStatus().isUnauthorized();
        }

        @Test
        void firstAssignmentWinsEvenAfterTheWeightsChange() {
            String id = running(
                    "{\"name\":\"Sticky\",\"target_metric\":\"go\",\"variants\":[{\"key\":\"a\",\"weight\":0.5},{\"key\":\"b\",\"weight\":0.5}]}");
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                before.add(assign(id, "sticky-" + i).get("variant").asString());
            }
            // An operator moves all traffic to b directly in the database (the API forbids it).
            jdbc.sql("UPDATE ab_tests SET variants = :v, version = version + 1 WHERE id = :id")
                    .param("v", "[{\"key\":\"a\",\"weight\":0.0},{\"key\":\"b\",\"weight\":1.0}]")
                    .param("id", id)
                    .update();
            cache.evict(experiments.get(id)); // as the cache's time to live would, a few seconds later
            for (int i = 0; i < 40; i++) {
                assertThat(assign(id, "sticky-" + i).get("variant").asString()).isEqualTo(before.get(i));
            }
            assertThat(assign(id, "newcomer").get("variant").asString()).isEqualTo("b");
            assertThat(before).contains("a", "b");
        }

        @Test
        void coverageTargetingAndNamespaceKeepUsersOut() {
            String id = running("""
                    {"name":"Targeted","target_metric":"go","control_variant":"a","test_variant":"b",
                     "targeting":{"plan":"pro"}}""");
            JsonNode free = post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/assign",
                    "{\"user_identifier\":\"u1\",\"attributes\":{\"plan\":\"free\"}}",
                    200);
            assertThat(free.get("in_experiment").asBoolean()).isFalse();
            assertThat(free.get("reason").asString()).contains("targeting");
            JsonNode pro = post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/assign",
                    "{\"user_identifier\":\"u1\",\"attributes\":{\"plan\":\"pro\"}}",
                    200);
            assertThat(pro.get("in_experiment").asBoolean()).isTrue();

            String none = running(
                    "{\"name\":\"Nobody\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\",\"coverage\":0}");
            assertThat(assign(none, "u2").get("reason").asString()).contains("coverage");
            assertThat(count("SELECT COUNT(*) FROM ab_test_assignments")).isEqualTo(1);
        }

        @Test
        void bulkAssignmentCoversRunningExperiments() {
            running(
                    "{\"name\":\"One\",\"key\":\"one\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            running(
                    "{\"name\":\"Two\",\"key\":\"two\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            create(
                    "{\"name\":\"Draft\",\"key\":\"draft-one\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            JsonNode all = post(anonymous(), "/api/ab/assign", "{\"user_identifier\":\"bulk\"}", 200);
            assertThat(all.size()).isEqualTo(2);
            JsonNode chosen = post(
                    anonymous(),
                    "/api/ab/assign",
                    "{\"user_identifier\":\"bulk\",\"experiments\":[\"one\",\"draft-one\",\"missing\"]}",
                    200);
            assertThat(chosen.size()).isEqualTo(2);
            assertThat(chosen.get(1).get("in_experiment").asBoolean()).isFalse();
            post(anonymous(), "/api/ab/assign", "{\"user_identifier\":\"  \"}", 400);
        }

        @Test
        void bulkAssignmentNamesAtMostAHundredExperiments() {
            running(
                    "{\"name\":\"One\",\"key\":\"one\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            List<String> names = new ArrayList<>(List.of("one"));
            for (int i = 1; i < AssignmentService.MAX_EXPERIMENTS; i++) {
                names.add("unknown-" + i);
            }
            JsonNode hundred = post(
                    anonymous(),
                    "/api/ab/assign",
                    json.writeValueAsString(java.util.Map.of("user_identifier", "bulk", "experiments", names)),
                    200);
            assertThat(hundred.size()).isEqualTo(1);
            names.add("one-too-many");
            JsonNode refused = post(
                    anonymous(),
                    "/api/ab/assign",
                    json.writeValueAsString(java.util.Map.of("user_identifier", "other", "experiments", names)),
                    413);
            assertThat(refused.get("type").asString()).isEqualTo("/problems/batch-too-large");
            assertThat(refused.get("max_items").asInt()).isEqualTo(100);
            assertThat(refused.get("detail").asString()).startsWith("experiments: at most 100 items");
            assertThat(count("SELECT COUNT(*) FROM ab_test_assignments WHERE user_identifier = 'other'"))
                    .isZero();
        }

        @Test
        void bulkAssignmentAnswersANewAndAReturningUserAlike() {
            running(
                    "{\"name\":\"One\",\"key\":\"one\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            running(
                    "{\"name\":\"Two\",\"key\":\"two\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            String body = "{\"user_identifier\":\"page\",\"experiments\":[\"two\",\"one\"]}";
            JsonNode first = post(anonymous(), "/api/ab/assign", body, 200);
            JsonNode again = post(anonymous(), "/api/ab/assign", body, 200);
            assertThat(first.size()).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                assertThat(first.get(i).get("new_assignment").asBoolean()).isTrue();
                assertThat(again.get(i).get("new_assignment").asBoolean()).isFalse();
                assertThat(again.get(i).get("variant").asString())
                        .isEqualTo(first.get(i).get("variant").asString());
            }
            assertThat(first.get(0).get("key").asString()).isEqualTo("two");
            assertThat(assign("one", "page").get("variant").asString())
                    .isEqualTo(first.get(1).get("variant").asString());
            assertThat(count("SELECT COUNT(*) FROM ab_test_assignments")).isEqualTo(2);
            admin().get()
                    .uri("/api/ab-tests/one")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.total_participants")
                    .isEqualTo(1);
        }

        @Test
        void concurrentAssignmentsStoreOneRowPerUserAndCountEveryone() throws Exception {
            String id = running(
                    "{\"name\":\"Rush\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            List<Future<JsonNode>> results = new ArrayList<>();
            // Three calls per user at once: they share group commits, and two of each three lose the race.
            try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
                for (int i = 0; i < 120; i++) {
                    int n = i;
                    results.add(pool.submit(() -> assign(id, "rush-" + (n % 40))));
                }
            }
            java.util.Map<String, String> variantOf = new java.util.HashMap<>();
            int fresh = 0;
            for (Future<JsonNode> result : results) {
                JsonNode assignment = result.get();
                String user = assignment.get("user_identifier").asString();
                String variant = assignment.get("variant").asString();
                assertThat(variant).isIn("a", "b");
                assertThat(variantOf.putIfAbsent(user, variant)).isIn(null, variant);
                fresh += assignment.get("new_assignment").asBoolean() ? 1 : 0;
            }
            assertThat(fresh).isEqualTo(40);
            assertThat(count("SELECT COUNT(*) FROM ab_test_assignments")).isEqualTo(40);
            assertThat(count("SELECT COUNT(*) FROM ab_test_assignments WHERE variant = 'b'"))
                    .isEqualTo(variantOf.values().stream().filter("b"::equals).count());
            admin().get()
                    .uri("/api/ab-tests/" + id)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.total_participants")
                    .isEqualTo(40);
        }

        @Test
        void concurrentSingleEventsAreEachStoredOnceAndAcknowledgedTruthfully() throws Exception {
            String id = running(
                    "{\"name\":\"Clicks\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            for (int u = 0; u < 10; u++) {
                assign(id, "clicker-" + u);
            }
            List<Future<JsonNode>> results = new ArrayList<>();
            // 100 events, each event id sent twice at once, plus 20 events of a user never assigned.
            try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    results.add(pool.submit(() -> post(
                            anonymous(),
                            "/api/ab-tests/" + id + "/events",
                            "{\"user_identifier\":\"clicker-" + (n % 10) + "\",\"event_name\":\"go\",\"event_id\":\"e-"
                                    + (n / 2) + "\"}",
                            201)));
                }
                for (int i = 0; i < 20; i++) {
                    results.add(pool.submit(() -> event(id, "stranger", "go", 422)));
                }
            }
            int accepted = 0;
            int duplicates = 0;
            for (Future<JsonNode> result : results) {
                JsonNode body = result.get();
                if (body.has("status")) {
                    accepted += "accepted".equals(body.get("status").asString()) ? 1 : 0;
                    duplicates += "duplicate".equals(body.get("status").asString()) ? 1 : 0;
                }
            }
            assertThat(accepted).isEqualTo(100);
            assertThat(duplicates).isEqualTo(100);
            assertThat(count("SELECT COUNT(*) FROM ab_test_events")).isEqualTo(100);
            assertThat(count("SELECT COUNT(DISTINCT event_id) FROM ab_test_events"))
                    .isEqualTo(100);
        }

        @Test
        void eventsNeedAnAssignedUserOfAStartedExperiment() {
            String draft = create(SEED_EXPERIMENT).get("id").asString();
            assertThat(event(draft, "u", "clicks", 422).get("detail").asString())
                    .contains("has not started");
            String id = running(
                    "{\"name\":\"Events\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            assertThat(event(id, "stranger", "go", 422).get("detail").asString())
                    .contains("not assigned");
            assign(id, "known");
            event(id, "known", "go", 201);
            post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/events",
                    "{\"user_identifier\":\"known\",\"event_name\":\"go\",\"event_data\":\"{not json\"}",
                    400);
            post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/events",
                    "{\"user_identifier\":\"known\",\"event_name\":\"go\",\"event_data\":{\"x\":\"" + "y".repeat(5000)
                            + "\"}}",
                    400);
            post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/events",
                    "{\"user_identifier\":\"\",\"event_name\":\"go\"}",
                    400);
            post(
                    anonymous(),
                    "/api/ab-tests/unknown-experiment/events",
                    "{\"user_identifier\":\"known\",\"event_name\":\"go\"}",
                    404);
            setStatus(id, "completed", 200);
            assertThat(event(id, "known", "go", 422).get("detail").asString()).contains("completed");
            assertThat(count("SELECT COUNT(*) FROM ab_test_events")).isEqualTo(1);
        }

        @Test
        void eventDataHoldsAtMostOneKilobyteOfJson() {
            String id = running(
                    "{\"name\":\"Data\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            assign(id, "u");
            String fits = "{\"n\":\"" + "y".repeat(EventService.MAX_EVENT_DATA_BYTES - 8) + "\"}";
            String tooLong = "{\"n\":\"" + "y".repeat(EventService.MAX_EVENT_DATA_BYTES - 7) + "\"}";
            post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/events",
                    "{\"user_identifier\":\"u\",\"event_name\":\"go\",\"event_data\":" + fits + "}",
                    201);
            JsonNode refused = post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/events",
                    "{\"user_identifier\":\"u\",\"event_name\":\"go\",\"event_data\":" + tooLong + "}",
                    400);
            assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("event_data");
            assertThat(refused.get("detail").asString()).contains("at most 1024 bytes");
            assertThat(count("SELECT COUNT(*) FROM ab_test_events")).isEqualTo(1);
        }

        @Test
        void repeatedEventIdsAreAcknowledgedButStoredOnce() {
            String id = running(
                    "{\"name\":\"Idem\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            assign(id, "u");
            String body = "{\"user_identifier\":\"u\",\"event_name\":\"go\",\"event_id\":\"evt-1\"}";
            assertThat(post(anonymous(), "/api/ab-tests/" + id + "/events", body, 201)
                            .get("status")
                            .asString())
                    .isEqualTo("accepted");
            assertThat(post(anonymous(), "/api/ab-tests/" + id + "/events", body, 201)
                            .get("status")
                            .asString())
                    .isEqualTo("duplicate");
            assertThat(count("SELECT COUNT(*) FROM ab_test_events")).isEqualTo(1);
        }

        @Test
        void batchAnswersPerEvent() {
            String id = running(
                    "{\"name\":\"Batch\",\"key\":\"batch\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            assign(id, "u1");
            JsonNode result = post(anonymous(), "/api/ab/events", """
                    {"events": [
                      {"experiment": "batch", "user_identifier": "u1", "event_name": "go", "event_id": "e1"},
                      {"experiment": "batch", "user_identifier": "u1", "event_name": "go", "event_id": "e1"},
                      {"experiment": "batch", "user_identifier": "nobody", "event_name": "go"},
                      {"experiment": "missing", "user_identifier": "u1", "event_name": "go"},
                      {"experiment": "batch", "user_identifier": "u1", "event_name": "bad name!"},
                      {"experiment": "%s", "user_identifier": "u1", "event_name": "view", "event_value": 2.5}
                    ]}""".formatted(id), 200);
            assertThat(result.get("accepted").asInt()).isEqualTo(2);
            assertThat(result.get("duplicates").asInt()).isEqualTo(1);
            assertThat(result.get("rejected").asInt()).isEqualTo(3);
            assertThat(result.get("results").get(2).get("reason").asString()).contains("not assigned");
            assertThat(result.get("results").get(3).get("reason").asString()).contains("no experiment 'missing'");
            assertThat(result.get("results").get(4).get("reason").asString()).startsWith("event_name");
            assertThat(count("SELECT COUNT(*) FROM ab_test_events")).isEqualTo(2);

            StringBuilder tooMany = new StringBuilder("{\"events\":[");
            for (int i = 0; i <= EventService.MAX_BATCH; i++) {
                tooMany.append(i == 0 ? "" : ",")
                        .append("{\"experiment\":\"batch\",\"user_identifier\":\"u1\",\"event_name\":\"go\"}");
            }
            post(anonymous(), "/api/ab/events", tooMany.append("]}").toString(), 413);
        }

        @Test
        void onlyEventsAfterTheAssignmentAndBeforeTheEndConvert() {
            String id = running(
                    "{\"name\":\"Attribution\",\"target_metric\":\"go\",\"control_variant\":\"a\",\"test_variant\":\"b\"}");
            assign(id, "early");
            assign(id, "twice");
            assign(id, "late");
            post(
                    anonymous(),
                    "/api/ab-tests/" + id + "/events",
                    "{\"user_identifier\":\"early\",\"event_name\":\"go\",\"timestamp\":\"2020-01-01T00:00:00Z\"}",
                    201);
            event(id, "twice", "go", 201);
            event(id, "twice", "go", 201);
            setStatus(id, "paused", 200);
            setStatus(id, "completed", 200);
            // An event recorded after the end (e.g. a late batch upload) does not count either.
            jdbc.sql(
                            "INSERT INTO ab_test_events (id, test_id, user_identifier, event_name, event_value, created_at) "
                                    + "SELECT 'late-event', test_id, user_identifier, 'go', 1, :after FROM ab_test_assignments WHERE user_identifier = 'late'")
                    .param("after", sqlTimestamp("2100-01-01T00:00:00Z"))
                    .update();
            JsonNode rows =
                    post(admin(), "/api/ab-tests/" + id + "/calculate", "", 200).get("results");
            long converters = 0;
            long participants = 0;
            for (JsonNode row : rows) {
                converters += row.get("conversion_count").asLong();
                participants += row.get("sample_size").asLong();
            }
            assertThat(participants).isEqualTo(3);
            assertThat(converters).isEqualTo(1); // "twice" once; "early" and "late" not at all
        }

        private Object sqlTimestamp(String iso) {
            return jdbc.sql("SELECT 1")
                    .query((rs, n) -> {
                        String product =
                                rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
                        return product.toLowerCase().contains("postgres")
                                ? (Object) java.time.OffsetDateTime.parse(iso)
                                : iso.replace("Z", ".000000Z");
                    })
                    .single();
        }
    }
}
