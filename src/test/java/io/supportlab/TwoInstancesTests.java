package io.supportlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.platform.ClusterJobs;
import io.supportlab.testing.ApiClient;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.TwoInstances;
import io.supportlab.testing.UsePostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real instances on one PostgreSQL database, each with its own search index copy, experiment
 * cache and scheduler: what one does is what the other serves within a second (the bound),
 * and a cluster job runs on one of them at a time. Sessions, limits and live-update streams across
 * instances have their own suites ({@code SessionsAcrossInstancesTests}, ...).
 */
@Tag("slow")
@UsePostgres
class TwoInstancesTests {

    static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    static TwoInstances cluster;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        cluster = TwoInstances.start("shared-state");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    ApiClient admin(int instance) {
        String credentials = Base64.getEncoder()
                .encodeToString((IntegrationTest.ADMIN_EMAIL + ":" + IntegrationTest.ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
        return new ApiClient(
                RestTestClient.bindToServer()
                        .baseUrl(cluster.baseUrl(instance))
                        .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                        .build(),
                json);
    }

    ApiClient anonymous(int instance) {
        return new ApiClient(
                RestTestClient.bindToServer().baseUrl(cluster.baseUrl(instance)).build(), json);
    }

    @Test
    void anArticlePublishedOnOneInstanceIsFoundOnTheOtherAndItsSearchIsNoContentGap() {
        String word = "zebra" + UUID.randomUUID().toString().substring(0, 8);
        String id = admin(1).post(
                        "/api/faqs",
                        "{\"question\":\"How do I feed the " + word + "?\",\"answer\":\"Twice a day.\","
                                + "\"category\":\"general\",\"status\":\"published\"}",
                        201)
                .get("id")
                .asString();

        JsonNode found = anonymous(2).get("/api/faqs?search=" + word, 200);

        assertThat(found.valueStream().map(item -> item.get("id").asString())).containsExactly(id);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(cluster.jdbc()
                                .sql("SELECT result_count FROM faq_search_log WHERE query = :q")
                                .param("q", word)
                                .query(Integer.class)
                                .list())
                        .as("logged once, with what was found")
                        .containsExactly(1));
    }

    @Test
    void pausingOnOneInstanceStopsNewAssignmentsOnTheOtherWithinASecond() {
        String key = "pause-" + UUID.randomUUID().toString().substring(0, 8);
        String id = admin(1).post(
                        "/api/ab-tests",
                        "{\"name\":\"Paused across\",\"key\":\"" + key + "\",\"target_metric\":\"go\","
                                + "\"control_variant\":\"a\",\"test_variant\":\"b\"}",
                        201)
                .get("id")
                .asString();
        admin(1).put("/api/ab-tests/" + id + "/status", "{\"status\":\"running\"}", 200);
        await().atMost(WITHIN_A_SECOND)
                .untilAsserted(() -> assertThat(assign(2, id, "before-pause")
                                .get("in_experiment")
                                .asBoolean())
                        .isTrue());

        admin(1).put("/api/ab-tests/" + id + "/status", "{\"status\":\"paused\"}", 200);

        await().atMost(WITHIN_A_SECOND)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(assign(2, id, "after-pause-" + UUID.randomUUID())
                                .get("in_experiment")
                                .asBoolean())
                        .isFalse());
    }

    JsonNode assign(int instance, String experiment, String user) {
        return anonymous(instance)
                .post("/api/ab-tests/" + experiment + "/assign", "{\"user_identifier\":\"" + user + "\"}", 200);
    }

    @Test
    void aClusterJobRunsOnOneInstanceAtATime() throws Exception {
        ClusterJobs.Job job =
                new ClusterJobs.Job("two-instances-" + UUID.randomUUID(), Duration.ofMinutes(1), Duration.ZERO);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> onFirst = CompletableFuture.supplyAsync(() -> cluster.bean(1, ClusterJobs.class)
                .runOnce(job, () -> {
                    running.countDown();
                    try {
                        finish.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(cluster.bean(2, ClusterJobs.class).runOnce(job, () -> {})).isFalse();

        finish.countDown();
        assertThat(onFirst.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cluster.bean(2, ClusterJobs.class).runOnce(job, () -> {})).isTrue();
    }
}
