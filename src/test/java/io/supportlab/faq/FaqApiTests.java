package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed's FAQ API with real search, on SQLite and PostgreSQL. */
class FaqApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        JsonMapper json;

        @Autowired
        FaqIndexSync sync;

        @Autowired
        SearchLog searchLog;

        @Autowired
        io.supportlab.platform.persistence.SqlDialect dialect;

        @BeforeEach
        void emptyIndexAndSearchLog() {
            sync.index().replaceAll(List.of()); // the database was emptied; so is the index
            searchLog.flush(); // searches of the previous test still queued
            jdbc.sql("DELETE FROM faq_search_log").update();
        }

        JsonNode send(RestTestClient client, String method, String uri, String body, int status) {
            return switch (method) {
                case "POST" -> api(client).post(uri, body, status);
                case "PUT" -> api(client).put(uri, body, status);
                default -> throw new IllegalArgumentException(method);
            };
        }

        String faq(String question, String answer, String category) {
            return send(
                            admin(),
                            "POST",
                            "/api/faqs",
                            "{\"question\":\"" + question + "\",\"answer\":\"" + answer + "\",\"category\":\""
                                    + category + "\"}",
                            201)
                    .get("id")
                    .asString();
        }

        List<String> questions(String uri) {
            String body = anonymous()
                    .get()
                    .uri(uri)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            List<String> questions = new ArrayList<>();
            json.readTree(body).forEach(f -> questions.add(f.get("question").asString()));
            return questions;
        }

        @Test
        void seedWalkthroughFindsFiltersAndCounts() {
            faq(
                    "How do I update my profile?",
                    "Go to Settings > Profile and click Edit. Make your changes and click Save.",
                    "account");
            faq(
                    "How do I reset my password?",
                    "Click Forgot Password on login page and follow email instructions.",
                    "account");
            faq("Which payment methods do you accept?", "Credit cards and PayPal.", "billing");
            assertThat(questions("/api/faqs?search=profile")).containsExactly("How do I update my profile?");
            assertThat(questions("/api/faqs?category=account")).hasSize(2);
            assertThat(questions("/api/faqs?search=profile&category=billing")).isEmpty();
            assertThat(questions("/api/faqs?search=pass")).first().isEqualTo("How do I reset my password?");
            anonymous()
                    .get()
                    .uri("/api/faqs/categories/stats")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .json("[{\"category\":\"account\",\"count\":2},{\"category\":\"billing\",\"count\":1}]");
        }

        @Test
        void searchPagesHoldTwentyHitsByDefaultAndLinkTheRest() {
            for (int i = 0; i < 23; i++) {
                faq("Where is invoice number " + i + "?", "Invoices are under Billing.", "billing");
            }
            EntityExchangeResult<String> first = anonymous()
                    .get()
                    .uri("/api/faqs?search=invoice")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult();
            assertThat(json.readTree(first.getResponseBody())).hasSize(FaqRestController.SEARCH_PAGE_SIZE);
            String link = first.getResponseHeaders().getFirst(HttpHeaders.LINK);
            assertThat(link).isNotNull().contains("rel=\"next\"");
            String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));

            EntityExchangeResult<String> second = anonymous()
                    .get()
                    .uri(next)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult();
            assertThat(json.readTree(second.getResponseBody())).hasSize(3);
            assertThat(second.getResponseHeaders().getFirst(HttpHeaders.LINK)).isNull();
            Set<String> ids = new HashSet<>();
            json.readTree(first.getResponseBody())
                    .forEach(f -> ids.add(f.get("id").asString()));
            json.readTree(second.getResponseBody())
                    .forEach(f -> ids.add(f.get("id").asString()));
            assertThat(ids).hasSize(23);
            // A list without a search keeps the general default.
            assertThat(questions("/api/faqs?category=billing")).hasSize(23);
        }

        @Test
        void typosAndInflectionsFindTheRightArticleFirst() {
            faq("How do I reset my password?", "Use the Forgot password link on the login page.", "account");
            faq(
                    "How do I get a refund?",
                    "Refunds are issued within 14 days of purchase from the billing page.",
                    "billing");
            faq("Can I export my data?", "Yes, as CSV from Settings > Export.", "technical");
            assertThat(questions("/api/faqs?search=pasword")).first().isEqualTo("How do I reset my password?");
            assertThat(questions("/api/faqs?search=passwords")).first().isEqualTo("How do I reset my password?");
            assertThat(questions("/api/faqs?search=resetting")).first().isEqualTo("How do I reset my password?");
            assertThat(questions("/api/faqs?search=refnd")).first().isEqualTo("How do I get a refund?");
            assertThat(questions("/api/faqs?search=exporting%20data")).first().isEqualTo("Can I export my data?");
        }

        @Test
        void searchFollowsEveryChangeAndNeverShowsDraftsOrDeletedArticles() {
            String id = faq("How do I cancel?", "Cancel from the billing page.", "billing");
            assertThat(questions("/api/faqs?search=cancel")).hasSize(1);
            send(
                    admin(),
                    "PUT",
                    "/api/faqs/" + id,
                    "{\"question\":\"How do I close my account?\",\"answer\":\"Write to us.\",\"category\":\"account\"}",
                    200);
            assertThat(questions("/api/faqs?search=cancel")).isEmpty();
            assertThat(questions("/api/faqs?search=close")).containsExactly("How do I close my account?");
            send(
                    admin(),
                    "PUT",
                    "/api/faqs/" + id,
                    "{\"question\":\"How do I close my account?\",\"answer\":\"Write to us.\",\"status\":\"draft\"}",
                    200);
            assertThat(questions("/api/faqs?search=close")).isEmpty();
            assertThat(questions("/api/faqs")).isEmpty();
            anonymous().get().uri("/api/faqs/" + id).exchange().expectStatus().isNotFound();
            admin().get().uri("/api/faqs/" + id).exchange().expectStatus().isOk();
            admin().get()
                    .uri("/api/faqs?status=draft")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1);
            anonymous()
                    .get()
                    .uri("/api/faqs?status=draft")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
            admin().delete().uri("/api/faqs/" + id).exchange().expectStatus().isNoContent();
            admin().delete().uri("/api/faqs/" + id).exchange().expectStatus().isNotFound();
            assertThat(questions("/api/faqs?search=close")).isEmpty();
        }

        @Test
        void indexIsRepairedFromTheDatabase() {
            String kept = faq("How do I invite colleagues?", "From Settings > Team.", "account");
            sync.index().replaceAll(List.of()); // as if the index were lost
            assertThat(sync.index().indexedVersions()).isEmpty();
            assertThat(sync.reconcile()).isEqualTo(1);
            assertThat(questions("/api/faqs?search=invite")).containsExactly("How do I invite colleagues?");
            jdbc.sql("DELETE FROM faqs WHERE id = :id").param("id", kept).update(); // another instance deleted it
            assertThat(sync.reconcile()).isEqualTo(1);
            assertThat(questions("/api/faqs?search=invite")).isEmpty();
        }

        @Test
        void hostileQueriesGiveAListNeverAnError() {
            faq("How do I reset my password?", "Use the link.", "account");
            for (String query : List.of(
                    "\"",
                    "((",
                    "*",
                    "~",
                    "AND",
                    "a OR b NOT",
                    "'; DROP TABLE faqs; --",
                    "title:pass*~2^3",
                    "x".repeat(10_000),
                    "😀😀",
                    "пароль",
                    "密码重置",
                    "كلمة السر",
                    "%00")) {
                anonymous()
                        .get()
                        .uri(b ->
                                b.path("/api/faqs").queryParam("search", query).build())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$")
                        .isArray();
            }
        }

        @Test
        void suggestionsReadTheWholeTicketText() {
            faq("How do I get a refund?", "Refunds for double charges are issued within 5 days.", "billing");
            faq("How do I reset my password?", "Use the Forgot password link.", "account");
            String body = anonymous()
                    .get()
                    .uri(b -> b.path("/api/faqs/suggestions")
                            .queryParam("text", "I was charged twice this month and want my money back, please refund")
                            .build())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(json.readTree(body).get(0).get("question").asString()).isEqualTo("How do I get a refund?");
            anonymous()
                    .get()
                    .uri("/api/faqs/suggestions?text=ab")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .json("[]");
        }

        @Test
        void rejectsBadArticlesAndWritesNothing() {
            send(admin(), "POST", "/api/faqs", "{\"question\":\"\",\"answer\":\"\"}", 400);
            JsonNode unknown = send(
                    admin(),
                    "POST",
                    "/api/faqs",
                    "{\"question\":\"Q?\",\"answer\":\"A\",\"category\":\"gossip\"}",
                    400);
            assertThat(unknown.get("errors").get(0).get("message").asString()).contains("'gossip' is not a category");
            send(admin(), "POST", "/api/faqs", "{\"question\":\"" + "q".repeat(301) + "\",\"answer\":\"A\"}", 400);
            send(anonymous(), "POST", "/api/faqs", "{\"question\":\"Q?\",\"answer\":\"A\"}", 401);
            admin().get().uri("/api/faqs/not-a-uuid").exchange().expectStatus().isNotFound();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM faqs").query(Long.class).single())
                    .isZero();
        }

        @Test
        void categoryCountsFollowChangesHereAtOnceAndChangesElsewhereWithinSeconds() {
            faq("Can I pay by invoice?", "Yes, on yearly plans.", "billing");
            assertThat(billingCount()).isEqualTo(1);
            // Another instance sharing the database publishes an article: this one learns of it
            // when its cached counts expire, not on the next request.
            jdbc.sql("""
                            INSERT INTO faqs (id, question, answer, category, status, created_at, updated_at)
                            VALUES (:id, 'Do you refund?', 'Within 30 days.', 'billing', 'published', :now, :now)
                            """)
                    .param("id", io.supportlab.platform.persistence.Ids.newId())
                    .param("now", dialect.timestamp(java.time.Instant.now()))
                    .update();
            assertThat(billingCount()).isEqualTo(1);
            org.awaitility.Awaitility.await()
                    .atMost(FaqCategories.TIME_TO_LIVE.plusSeconds(3))
                    .untilAsserted(() -> assertThat(billingCount()).isEqualTo(2));
            // A change made here shows at once.
            faq("Is VAT included?", "Prices shown include VAT.", "billing");
            assertThat(billingCount()).isEqualTo(3);
        }

        private long billingCount() {
            JsonNode stats = json.readTree(anonymous()
                    .get()
                    .uri("/api/faqs/categories/stats")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody());
            for (JsonNode row : stats) {
                if ("billing".equals(row.get("category").asString())) {
                    return row.get("count").asLong();
                }
            }
            return 0;
        }

        @Test
        void staffAddCategoriesThatArticlesCanUse() {
            // Categories are reference data that outlives a test: a fresh name each run.
            String suffix = Long.toString(System.nanoTime(), 36);
            JsonNode added = send(
                    admin(), "POST", "/api/faqs/categories", "{\"name\":\"Shipping & Delivery " + suffix + "\"}", 201);
            assertThat(added.get("slug").asString()).isEqualTo("shipping-delivery-" + suffix);
            send(admin(), "POST", "/api/faqs/categories", "{\"name\":\"shipping delivery " + suffix + "\"}", 409);
            faq("Where is my parcel?", "Track it from your order page.", "shipping-delivery-" + suffix);
            admin().get()
                    .uri("/api/faqs/categories")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.slug == 'shipping-delivery-" + suffix + "')].count")
                    .isEqualTo(1);
        }

        @Test
        void analyticsShowQueriesGapsViewsVotesAndDeflections() {
            String id = faq("How do I get a refund?", "From the billing page.", "billing");
            questions("/api/faqs?search=refund");
            questions("/api/faqs?search=refund");
            questions("/api/faqs?search=teleport");
            anonymous().get().uri("/api/faqs/" + id).exchange().expectStatus().isOk();
            send(anonymous(), "POST", "/api/faqs/" + id + "/feedback", "{\"helpful\":true}", 200);
            send(anonymous(), "POST", "/api/faqs/" + id + "/feedback", "{}", 400);
            send(anonymous(), "POST", "/api/faqs/" + id + "/deflections", "{\"draft_id\":\"draft-1\"}", 202);
            send(anonymous(), "POST", "/api/faqs/" + id + "/deflections", "{\"draft_id\":\"draft-1\"}", 202);
            searchLog.flush();
            anonymous()
                    .get()
                    .uri("/api/faqs/analytics")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            admin().get()
                    .uri("/api/faqs/analytics")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.top_queries[0].query")
                    .isEqualTo("refund")
                    .jsonPath("$.top_queries[0].searches")
                    .isEqualTo(2)
                    .jsonPath("$.no_result_queries[0].query")
                    .isEqualTo("teleport")
                    .jsonPath("$.most_viewed[0].count")
                    .isEqualTo(1)
                    .jsonPath("$.most_helpful[0].id")
                    .isEqualTo(id)
                    .jsonPath("$.deflections")
                    .isEqualTo(1);
        }
    }
}
