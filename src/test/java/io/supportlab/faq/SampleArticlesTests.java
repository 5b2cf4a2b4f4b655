package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A newcomer's empty knowledge base offers sample articles, added only on request and only once. */
class SampleArticlesTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        FaqIndexSync sync;

        @Test
        void anEmptyKnowledgeBaseOffersSamplesThatThenAnswerSearches() {
            sync.index().replaceAll(java.util.List.of());
            PageSession staff = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(staff.get("/faq").body()).contains("Your knowledge base is empty", "Add sample articles");

            HttpResponse<String> added = staff.post("/faq/samples", Map.of());
            assertThat(added.body()).contains("13 sample articles added").doesNotContain("Add sample articles");
            assertThat(count("SELECT COUNT(*) FROM faqs WHERE status = 'published'"))
                    .isEqualTo(13);
            assertThat(count("SELECT COUNT(DISTINCT category) FROM faqs")).isEqualTo(4);
            assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'faq.samples_added'"))
                    .isEqualTo(1);

            // A typo'd customer question finds one of them, as the help center shows it.
            String help = anonymous()
                    .get()
                    .uri("/help/search?q=forgot+pasword")
                    .exchange()
                    .returnResult(String.class)
                    .getResponseBody();
            assertThat(help).contains("How do I reset my", "/help/articles/"); // the matched words are highlighted
        }

        @Test
        void samplesAreNeverMixedIntoRealContent() {
            admin().post()
                    .uri("/api/faqs")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body("{\"question\":\"Our own question?\",\"answer\":\"Our own answer.\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            PageSession staff = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(staff.get("/faq").body()).doesNotContain("Add sample articles");
            assertThat(staff.post("/faq/samples", Map.of()).body()).contains("samples are only added to an empty one");
            assertThat(count("SELECT COUNT(*) FROM faqs")).isEqualTo(1);
        }

        long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }
    }
}
