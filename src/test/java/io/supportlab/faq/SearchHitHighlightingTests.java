package io.supportlab.faq;

import static io.supportlab.faq.HelpDeskFaqs.faq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Highlights and snippets are safe HTML with only the matches marked. */
class SearchHitHighlightingTests extends SearchIndexTest {

    @Test
    void markupInArticlesIsEscapedAndOnlyMatchesAreMarked() {
        index.upsert(faq(
                "xss",
                "Is <script>alert(1)</script> a password?",
                "Type \"<b>password</b>\" & 'friends' <img src=x onerror=alert(1)>",
                "general"));

        SearchHit hit = index.search("password", null, 5).getFirst();

        assertThat(hit.questionHighlight())
                .isEqualTo("Is &lt;script&gt;alert(1)&lt;/script&gt; a <mark>password</mark>?");
        assertThat(hit.answerSnippet())
                .isEqualTo("Type &quot;&lt;b&gt;<mark>password</mark>&lt;/b&gt;&quot; &amp; &#39;friends&#39; "
                        + "&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void matchedQueryMarkupIsEscapedToo() {
        index.upsert(faq("script", "What does <script> do?", "It runs code.", "technical"));

        SearchHit hit = index.search("<script>", null, 5).getFirst();

        assertThat(hit.questionHighlight()).isEqualTo("What does &lt;<mark>script</mark>&gt; do?");
    }

    @Test
    void stemmedFuzzyAndPrefixMatchesAreMarked() {
        index.upsert(faq("reset", "Resetting passwords", "Passwords are reset by email.", "account"));

        assertThat(index.search("reset", null, 5).getFirst().questionHighlight())
                .isEqualTo("<mark>Resetting</mark> passwords");
        assertThat(index.search("pasword", null, 5).getFirst().answerSnippet())
                .isEqualTo("<mark>Passwords</mark> are reset by email.");
        assertThat(index.search("reset passw", null, 5).getFirst().questionHighlight())
                .isEqualTo("<mark>Resetting</mark> <mark>passwords</mark>");
    }

    @Test
    void stopWordsInsideAMatchedPhraseAreNotMarked() {
        index.upsert(faq("reset", "How do I reset my password?", "Use the link.", "account"));

        assertThat(index.search("reset my password", null, 5).getFirst().questionHighlight())
                .isEqualTo("How do I <mark>reset</mark> my <mark>password</mark>?");
    }

    @Test
    void answerSnippetIsAShortPassageAroundTheMatch() {
        String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(50);
        index.upsert(faq("long", "A long article", filler + "The refund arrives within five days. " + filler, "x"));

        String snippet = index.search("refund", null, 5).getFirst().answerSnippet();

        assertThat(snippet).contains("<mark>refund</mark> arrives within five days.");
        assertThat(snippet).startsWith("…").endsWith("…");
        assertThat(snippet.length()).isLessThan(HitRenderer.SNIPPET_CHARS + 40);
    }

    @Test
    void hugeAnswerIsHighlightedInItsBeginningOnly() {
        String filler = "Lorem ipsum dolor sit amet. ".repeat(Highlighter.MAX_CHARS / 10);
        index.upsert(faq("huge", "A huge article", filler + "The refund arrives within five days.", "x"));

        String snippet = index.search("refund", null, 5).getFirst().answerSnippet();

        assertThat(snippet).startsWith("Lorem ipsum").doesNotContain("<mark>");
    }

    @Test
    void answerWithoutMatchIsShownFromItsBeginning() {
        index.upsert(faq("q", "How do I get a refund?", "Write to billing. " + "More text. ".repeat(100), "x"));

        String snippet = index.search("refund", null, 5).getFirst().answerSnippet();

        assertThat(snippet).startsWith("Write to billing.").endsWith("…").doesNotContain("<mark>");
    }

    @Test
    void whitespaceAndControlCharactersAreTidied() {
        index.upsert(faq("q", "Refund\n\n  policy", "Line one\r\n\tline two\u0000\u0007", "x"));

        SearchHit hit = index.search("refund", null, 5).getFirst();

        assertThat(hit.questionHighlight()).isEqualTo("<mark>Refund</mark> policy");
        assertThat(hit.answerSnippet()).isEqualTo("Line one line two");
    }

    @Test
    void hitsCarryTheArticleIdAndAPositiveScore() {
        index.upsert(faq("refund-policy", "Can I get a refund?", "Yes.", "billing"));

        List<SearchHit> hits = index.search("refund", null, 5);

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo("refund-policy");
            assertThat(hit.score()).isPositive();
        });
    }
}
