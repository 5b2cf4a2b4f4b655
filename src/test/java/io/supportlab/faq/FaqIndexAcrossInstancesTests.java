package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.platform.live.LiveUpdates;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each instance keeps its own search index: an article written on one instance must be found on
 * the others as soon as that instance's notice arrives, not at the next reconciliation (every 30 s),
 * during which their searches would miss it and count as content gaps. Here this instance's index
 * is made to lack the article, and the notice is published as another instance publishes it; on
 * PostgreSQL it makes the round trip through {@code NOTIFY}.
 */
class FaqIndexAcrossInstancesTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        /** Far below the reconciliation interval: only the notice can explain the update. */
        static final Duration NOTICE_WAIT = Duration.ofSeconds(5);

        @Autowired
        FaqService faqs;

        @Autowired
        FaqIndexSync sync;

        @Autowired
        LiveUpdates live;

        @Autowired
        SearchLog searchLog;

        @Test
        void anotherInstancesNoticeIndexesTheArticleAtOnce() {
            Faq written = faqs.create(new FaqDraft(
                    "How do I export my invoices?", "Open Billing and choose Export.", null, FaqStatus.PUBLISHED));
            sync.index().delete(written.id()); // as on an instance that has not heard of it yet
            assertThat(sync.index().indexedVersions()).doesNotContainKey(written.id());

            live.signal(FaqIndexSync.CHANGES, "changed", "another-instance " + written.id());

            await().atMost(NOTICE_WAIT)
                    .untilAsserted(
                            () -> assertThat(sync.index().indexedVersions()).containsKey(written.id()));
        }

        @Test
        void aChangeHereIsAnnouncedAndItsOwnNoticeIsNotAppliedTwice() {
            List<String> heard = new CopyOnWriteArrayList<>();
            live.listen(FaqIndexSync.CHANGES, (event, data) -> heard.add(data));
            Faq own = faqs.create(new FaqDraft(
                    "Can I change my plan?", "Yes, under Billing, at any time.", null, FaqStatus.PUBLISHED));
            await().atMost(NOTICE_WAIT)
                    .untilAsserted(() -> assertThat(heard).anyMatch(d -> d.endsWith(" " + own.id())));
            String ownNotice = heard.stream()
                    .filter(d -> d.endsWith(" " + own.id()))
                    .findFirst()
                    .orElseThrow();
            Faq marker = faqs.create(new FaqDraft(
                    "Where is my receipt?", "Receipts are emailed after payment.", null, FaqStatus.PUBLISHED));
            sync.index().delete(own.id());
            sync.index().delete(marker.id());

            live.signal(FaqIndexSync.CHANGES, "changed", ownNotice);
            live.signal(FaqIndexSync.CHANGES, "changed", "another-instance " + marker.id());

            // Notices arrive in order: once the marker is indexed, the own notice was handled, and ignored.
            await().atMost(NOTICE_WAIT)
                    .untilAsserted(
                            () -> assertThat(sync.index().indexedVersions()).containsKey(marker.id()));
            assertThat(sync.index().indexedVersions()).doesNotContainKey(own.id());
        }

        @Test
        void aSearchThatFindsNothingWhileThisCopyLagsIsAnsweredFromTheCaughtUpIndexAndNotCountedAsAGap() {
            Faq written = faqs.create(new FaqDraft(
                    "How do I rotate my API keys?",
                    "Open Settings, then Keys, then Rotate.",
                    null,
                    FaqStatus.PUBLISHED));
            sync.index().delete(written.id()); // another instance wrote it; its notice is still on the way

            var found = faqs.search("rotate api keys", null, 0, 10, SearchLog.UserType.ANONYMOUS);
            List<FaqHit> suggested =
                    faqs.suggestions("I need to rotate the API keys of our account", SearchLog.UserType.ANONYMOUS);

            assertThat(found.items()).extracting(hit -> hit.faq().id()).containsExactly(written.id());
            assertThat(suggested).extracting(hit -> hit.faq().id()).contains(written.id());
            // The scheduled flush may have taken the entries first: wait for whichever writes them.
            searchLog.flush();
            await().atMost(NOTICE_WAIT)
                    .untilAsserted(() -> assertThat(
                                    loggedResults("rotate api keys", "i need to rotate the api keys of our account"))
                            .as("logged with what the caught-up index found, not as zero results")
                            .hasSize(2)
                            .doesNotContain(0));
        }

        @Test
        void aSearchThatFindsNothingInAnUpToDateIndexIsAZeroResultSearch() {
            faqs.create(new FaqDraft(
                    "How do I rotate my API keys?",
                    "Open Settings, then Keys, then Rotate.",
                    null,
                    FaqStatus.PUBLISHED));

            assertThat(faqs.search("parrot aquarium", null, 0, 10, SearchLog.UserType.ANONYMOUS)
                            .items())
                    .isEmpty();
            assertThat(sync.caughtUp()).as("nothing to catch up").isFalse();
            searchLog.flush();
            await().atMost(NOTICE_WAIT)
                    .untilAsserted(
                            () -> assertThat(loggedResults("parrot aquarium")).containsExactly(0));
        }

        /** The result counts logged for these queries (as the log stores them, in lower case). */
        List<Integer> loggedResults(String... queries) {
            return jdbc.sql("SELECT result_count FROM faq_search_log WHERE query IN (:queries)")
                    .param("queries", List.of(queries))
                    .query(Integer.class)
                    .list();
        }
    }
}
