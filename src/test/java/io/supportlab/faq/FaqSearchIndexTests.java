package io.supportlab.faq;

import static io.supportlab.faq.HelpDeskFaqs.faq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes are reflected by the very next search. */
class FaqSearchIndexTests extends SearchIndexTest {

    @Test
    void upsertedArticleIsFoundByTheNextSearch() {
        index.upsert(faq("refunds", "Can I get a refund?", "We refund payments of the last 30 days.", "billing"));

        assertThat(ids("refund")).containsExactly("refunds");
    }

    @Test
    void updatedArticleMatchesItsNewTextOnly() {
        index.upsert(faq("plans", "Which plans are there?", "Starter and Business.", "billing"));

        index.upsert(faq("plans", "Which editions are there?", "Starter and Enterprise.", "billing"));

        assertThat(ids("enterprise")).containsExactly("plans");
        assertThat(ids("business")).isEmpty();
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void deletedArticleIsNoLongerFound() {
        index.upsert(faq("refunds", "Can I get a refund?", "We refund payments of the last 30 days.", "billing"));

        index.delete("refunds");

        assertThat(ids("refund")).isEmpty();
        assertThat(index.count()).isZero();
    }

    @Test
    void deletingAnUnknownArticleChangesNothing() {
        index.upsert(faq("refunds", "Can I get a refund?", "We refund payments.", "billing"));

        index.delete("no-such-article");

        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void unpublishedArticleIsNeverFound() {
        index.upsert(faq("refunds", "Can I get a refund?", "We refund payments of the last 30 days.", "billing"));

        index.upsert(unpublished("refunds", "Can I get a refund?", "We refund payments of the last 30 days."));
        index.upsert(unpublished("draft", "Refund draft", "A refund article in the works."));

        assertThat(ids("refund")).isEmpty();
        assertThat(index.suggest("I would like a refund please", 5)).isEmpty();
        assertThat(index.count()).isZero();
    }

    @Test
    void replaceAllDropsArticlesThatAreNoLongerGiven() {
        index.upsert(faq("stale", "How do I fax an invoice?", "Faxing is no longer supported.", "billing"));

        index.replaceAll(List.of(
                faq("invoices", "Where are my invoices?", "Under Settings > Billing.", "billing"),
                unpublished("draft", "Invoice draft", "Not ready.")));

        assertThat(ids("invoice")).containsExactly("invoices");
        assertThat(index.indexedVersions()).containsOnlyKeys("invoices");
    }

    @Test
    void replaceAllKeepsOneDocumentPerId() {
        index.replaceAll(List.of(
                faq("invoices", "Where are my invoices?", "Old text.", "billing"),
                faq("invoices", "Where are my invoices?", "New text.", "billing")));

        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void indexedVersionsReportTheUpdateTimeOfEveryIndexedArticle() {
        Instant updatedAt = Instant.parse("2025-03-01T12:34:56.123456Z");
        index.upsert(new IndexedFaq("a", "Question A", "Answer A", "general", true, updatedAt));
        index.upsert(faq("b", "Question B", "Answer B", "general"));
        index.upsert(unpublished("c", "Question C", "Answer C"));

        assertThat(index.indexedVersions()).isEqualTo(Map.of("a", updatedAt, "b", HelpDeskFaqs.UPDATED));
    }

    @Test
    void veryLongAnswerIsIndexedAndFound() {
        String answer = "Refunds are possible. " + "Lorem ipsum dolor sit amet. ".repeat(40_000);
        index.upsert(faq("long", "A very long article", answer, "general"));

        assertThat(ids("refund")).containsExactly("long");
    }

    @Test
    void blankQueryFindsNothing() {
        index.upsert(faq("refunds", "Can I get a refund?", "We refund payments.", "billing"));

        assertThat(index.search("", null, 10)).isEmpty();
        assertThat(index.search("   \t\n", null, 10)).isEmpty();
        assertThat(index.search(null, null, 10)).isEmpty();
    }

    @Test
    void categoryFilterKeepsOnlyThatCategory() {
        index.replaceAll(List.of(
                faq("billing-email", "How do I change the billing email?", "Under Billing.", "Billing"),
                faq("account-email", "How do I change my login email?", "Under Profile.", "Account")));

        assertThat(index.search("change email", "billing", 10))
                .extracting(SearchHit::id)
                .containsExactly("billing-email");
        assertThat(index.search("change email", " Account ", 10))
                .extracting(SearchHit::id)
                .containsExactly("account-email");
        assertThat(index.search("change email", "", 10)).hasSize(2);
        assertThat(index.search("change email", "technical", 10)).isEmpty();
    }

    @Test
    void limitCapsTheNumberOfHits() {
        index.replaceAll(HelpDeskFaqs.ALL);

        assertThat(index.search("settings", null, 3)).hasSize(3);
        assertThat(index.search("settings", null, 0)).isEmpty();
    }

    @Test
    void pagesContinueTheRankingAndSayWhetherMoreFollow() {
        index.replaceAll(HelpDeskFaqs.ALL);
        List<String> ranking = index.search("settings", null, FaqSearchIndex.MAX_RESULTS).stream()
                .map(SearchHit::id)
                .toList();
        assertThat(ranking).hasSizeGreaterThan(4).hasSizeLessThan(FaqSearchIndex.MAX_RESULTS);

        FaqSearchIndex.ResultPage first = index.search("settings", null, 0, 2);
        FaqSearchIndex.ResultPage second = index.search("settings", null, 2, 2);
        assertThat(first.more()).isTrue();
        assertThat(List.of(first, second))
                .flatExtracting(page -> page.hits().stream().map(SearchHit::id).toList())
                .containsExactlyElementsOf(ranking.subList(0, 4));
        FaqSearchIndex.ResultPage last = index.search("settings", null, ranking.size() - 1, 5);
        assertThat(last.hits()).extracting(SearchHit::id).containsExactly(ranking.getLast());
        assertThat(last.more()).isFalse();
        assertThat(index.search("settings", null, ranking.size(), 5).hits()).isEmpty();
    }

    @Test
    void laterPagesOfAnAnyWordRankingAreFoundToo() {
        for (int i = 0; i < 3; i++) {
            index.upsert(faq("r" + i, "Can I get a refund " + i + "?", "Refunds take five days.", "billing"));
            index.upsert(faq("e" + i, "How do I export my data " + i + "?", "Exports are CSV files.", "technical"));
        }
        // No article has both words, so the ranking is of articles with either.
        List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            FaqSearchIndex.ResultPage page = index.search("refund export", null, offset, 2);
            assertThat(page.hits()).hasSize(2);
            assertThat(page.more()).isEqualTo(offset < 4);
            page.hits().forEach(hit -> seen.add(hit.id()));
        }
        assertThat(seen).containsExactlyInAnyOrder("r0", "r1", "r2", "e0", "e1", "e2");
    }

    @Test
    void hitsAreOrderedByDescendingScore() {
        index.replaceAll(HelpDeskFaqs.ALL);

        assertThat(index.search("billing invoice", null, 10))
                .extracting(SearchHit::score)
                .isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    static IndexedFaq unpublished(String id, String question, String answer) {
        return new IndexedFaq(id, question, answer, "general", false, HelpDeskFaqs.UPDATED);
    }
}
