package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.MovableTime;
import io.supportlab.testing.MutableClock;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Votes, views and deflections count once per client (its network address, behind the trusted
 * proxy that sets X-Forwarded-For), so no one can inflate them by repeating a request; the client
 * is stored only as a keyed hash, and forgotten when no repeat can be recognised by it any more.
 */
class FaqCountingTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @Import(MovableTime.class)
    abstract static class Contract extends IntegrationTest {

        static final String ANN = "203.0.113.7";
        static final String BEN = "2001:db8:1:2::5";
        static final String BEN_ELSEWHERE_ON_HIS_NETWORK = "2001:db8:1:2::99";

        @Autowired
        MutableClock clock;

        @Autowired
        JsonMapper json;

        @Autowired
        FaqAnalytics analytics;

        @Autowired
        SearchLog searchLog;

        @Test
        void aClientVotesOncePerArticleAndAnotherAnswerChangesItsVote() {
            String id = faq();
            assertThat(counts(vote(ANN, id, true))).containsExactly(1L, 0L);
            assertThat(counts(vote(ANN, id, true))).containsExactly(1L, 0L);
            assertThat(counts(vote(ANN, id, false))).containsExactly(0L, 1L);
            assertThat(counts(vote(BEN, id, true))).containsExactly(1L, 1L);
            assertThat(counts(vote(BEN_ELSEWHERE_ON_HIS_NETWORK, id, true))).containsExactly(1L, 1L);

            PageSession page = new PageSession(baseUrl()); // from 127.0.0.1: one more client
            page.get("/help/articles/" + id);
            page.post("/help/articles/" + id + "/feedback", Map.of("helpful", "false"));
            page.post("/help/articles/" + id + "/feedback", Map.of("helpful", "false"));
            assertThat(counts(article(ANN, id))).containsExactly(1L, 2L);
        }

        @Test
        void aViewCountsOncePerClientAndDay() {
            String id = faq();
            article(ANN, id);
            article(ANN, id);
            new PageSession(baseUrl()).get("/help/articles/" + id);
            new PageSession(baseUrl()).get("/help/articles/" + id);
            article(BEN, id);
            assertThat(article(ANN, id).get("view_count").asLong()).isEqualTo(3);

            clock.advance(Duration.ofDays(1));
            article(ANN, id); // answers the article as it was before this view
            assertThat(article(ANN, id).get("view_count").asLong()).isEqualTo(4);
        }

        @Test
        void aDeflectionCountsOncePerDraftAndOncePerClientAndDay() {
            String id = faq();
            deflect(ANN, id, "draft-1");
            deflect(ANN, id, "draft-2"); // made-up drafts do not multiply one client
            deflect(BEN, id, "draft-1"); // nor does reusing someone's draft
            deflect(BEN, id, "draft-3");
            assertThat(deflections()).isEqualTo(2);

            clock.advance(Duration.ofDays(1));
            deflect(ANN, id, "draft-4");
            assertThat(deflections()).isEqualTo(3);
        }

        @Test
        void clientsAreKeptAsKeyedHashesAndForgottenAfterTheirWindow() {
            String id = faq();
            article(ANN, id);
            vote(ANN, id, true);
            deflect(ANN, id, "draft-1");
            List<String> stored = jdbc.sql("""
                            SELECT client FROM faq_votes UNION ALL SELECT client FROM faq_views
                            UNION ALL SELECT client FROM faq_deflections
                            """).query(String.class).list();
            assertThat(stored).hasSize(3).allSatisfy(c -> assertThat(c).matches("[0-9a-f]{32}"));

            clock.advance(Duration.ofDays(1));
            analytics.forgetClients();
            assertThat(rows("faq_views")).isZero();
            assertThat(rows("faq_deflections WHERE client IS NOT NULL")).isZero();
            assertThat(rows("faq_votes")).isOne();

            clock.advance(ClientCounts.VOTE_MEMORY);
            analytics.forgetClients();
            assertThat(rows("faq_votes")).isZero();
            assertThat(counts(article(BEN, id))).containsExactly(1L, 0L);
        }

        @Test
        void addressesInSearchesAreReplacedBeforeTheyAreLogged() {
            faq();
            client(ANN)
                    .get()
                    .uri("/api/faqs/suggestions?text={t}", "Refund please, I am Ann.Lee+shop@Example.co.uk, thanks")
                    .exchange()
                    .expectStatus()
                    .isOk();
            searchLog.flush();
            assertThat(jdbc.sql("SELECT query FROM faq_search_log")
                            .query(String.class)
                            .list())
                    .containsExactly("refund please, i am [email], thanks");
        }

        String faq() {
            return send(admin(), "/api/faqs", "{\"question\":\"How do I get a refund?\",\"answer\":\"Ask us.\"}")
                    .get("id")
                    .asString();
        }

        JsonNode vote(String address, String id, boolean helpful) {
            return send(client(address), "/api/faqs/" + id + "/feedback", "{\"helpful\":" + helpful + "}");
        }

        void deflect(String address, String id, String draft) {
            send(client(address), "/api/faqs/" + id + "/deflections", "{\"draft_id\":\"" + draft + "\"}");
        }

        JsonNode article(String address, String id) {
            return api(client(address)).get("/api/faqs/" + id, 200);
        }

        long deflections() {
            return analytics.summary().deflections();
        }

        long rows(String tableAndCondition) {
            return jdbc.sql("SELECT COUNT(*) FROM " + tableAndCondition)
                    .query(Long.class)
                    .single();
        }

        static List<Long> counts(JsonNode faq) {
            return List.of(
                    faq.get("helpful_count").asLong(),
                    faq.get("not_helpful_count").asLong());
        }

        JsonNode send(RestTestClient client, String uri, String body) {
            String response = postJson(client, uri, body);
            return json.readTree(response.isEmpty() || response.equals("null") ? "null" : response);
        }

        /** A visitor at {@code address}, as the trusted proxy (the local host, in tests) reports it. */
        RestTestClient client(String address) {
            return RestTestClient.bindToServer()
                    .baseUrl(baseUrl())
                    .defaultHeader("X-Forwarded-For", address)
                    .build();
        }
    }
}
