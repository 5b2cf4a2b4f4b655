package io.supportlab.faq;

import static io.supportlab.faq.HelpDeskFaqs.faq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking rules, each shown on the smallest index that tells them apart. */
class FaqSearchRankingTests extends SearchIndexTest {

    @Test
    void exactMatchOutranksFuzzyMatch() {
        index.replaceAll(List.of(
                faq("billing-date", "How do I change the billing date?", "Pick a new date.", "billing"),
                faq("export", "How do I export my data?", "Use the export page.", "technical")));

        assertThat(ids("data")).containsExactly("export", "billing-date");
    }

    @Test
    void stemmedMatchOutranksFuzzyMatch() {
        index.replaceAll(List.of(
                faq("cards", "Which cards do you accept?", "Visa and Mastercard.", "billing"),
                faq("carts", "Where is my shopping cart?", "Top right.", "general")));

        assertThat(ids("card")).first().isEqualTo("cards");
    }

    @Test
    void questionMatchOutranksAnswerMatch() {
        index.replaceAll(List.of(
                faq("in-answer", "How do I leave a workspace?", "Leaving does not cancel your subscription.", "x"),
                faq("in-question", "How do I pause my subscription?", "Pausing keeps your data.", "x")));

        assertThat(ids("subscription")).containsExactly("in-question", "in-answer");
    }

    @Test
    void wordsInQueryOrderOutrankScatteredWords() {
        index.replaceAll(List.of(
                faq("scattered", "Why does the reset of my email address take long?", "A password is needed.", "x"),
                faq("phrase", "Where is the password reset email?", "Check your spam folder.", "x")));

        assertThat(ids("password reset email")).first().isEqualTo("phrase");
    }

    @Test
    void everyWordOfAShortQueryMustMatch() {
        index.replaceAll(List.of(
                faq("invoice", "Where are my invoices?", "Under Billing.", "billing"),
                faq("invoice-vat", "How do I add VAT to my invoices?", "Under Billing details.", "billing")));

        assertThat(ids("invoice vat")).containsExactly("invoice-vat");
    }

    @Test
    void queryWithAnUnknownWordStillFindsTheOthers() {
        index.replaceAll(List.of(faq("locked", "Why is my account locked?", "Too many attempts.", "account")));

        assertThat(ids("locked out")).containsExactly("locked");
    }

    @Test
    void lastWordIsMatchedAsAPrefix() {
        index.replaceAll(List.of(faq("password", "How do I reset my password?", "Use the link.", "account")));

        assertThat(ids("reset my passw")).containsExactly("password");
    }

    @Test
    void typoIsForgiven() {
        index.replaceAll(List.of(faq("refund", "Can I get a refund?", "Within 30 days.", "billing")));

        assertThat(ids("refnd")).containsExactly("refund");
    }

    @Test
    void shortWordsMustBeSpelledRight() {
        index.replaceAll(List.of(faq("api", "What are the API limits?", "600 per minute.", "technical")));

        assertThat(ids("apo")).isEmpty();
    }

    @Test
    void stopWordsAloneFindNothing() {
        index.replaceAll(HelpDeskFaqs.ALL);

        assertThat(ids("how do I do it")).isEmpty();
    }
}
