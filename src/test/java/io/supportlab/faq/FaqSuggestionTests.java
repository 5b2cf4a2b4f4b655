package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Articles suggested while a customer writes a ticket. */
class FaqSuggestionTests extends KnowledgeBaseSearchTest {

    @Test
    void doubleChargeSuggestsTheRefundArticleFirst() {
        assertThat(ids("Charged twice", "I was charged twice this month and want my money back"))
                .first()
                .isEqualTo("refund-policy");
    }

    @Test
    void missingVatNumberSuggestsTheInvoiceDetailsArticleFirst() {
        assertThat(ids("Invoice problem", "My invoice is missing the VAT number of our company. Can you fix it?"))
                .first()
                .isEqualTo("invoice-details");
    }

    @Test
    void forgottenPasswordSuggestsThePasswordResetArticleFirst() {
        assertThat(ids("Can't get in", "I forgot my password and need to reset it, I have tried everything"))
                .first()
                .isEqualTo("password-reset");
    }

    @Test
    void significantWordsCountNotTheLastWord() {
        assertThat(ids(
                        "API problem",
                        "Our integration keeps getting 429 responses from the API when we sync tickets,"
                                + " how many requests are we allowed per minute? Thanks a lot and have a nice day"))
                .first()
                .isEqualTo("api-rate-limits");
    }

    @Test
    void longTicketTextIsHandled() {
        String rambling = "Hello team, hope you are well. ".repeat(300)
                + "I want to cancel my subscription at the end of the billing period.";

        assertThat(index.suggest(rambling, 3)).isNotNull();
    }

    @Test
    void suggestionsRespectTheLimit() {
        assertThat(index.suggest("billing invoice payment refund subscription plan card", 2))
                .hasSize(2);
    }

    @Test
    void textShorterThanThreeCharactersSuggestsNothing() {
        assertThat(index.suggest("2f", 5)).isEmpty();
        assertThat(index.suggest("  a ", 5)).isEmpty();
    }

    @Test
    void textOfOnlyStopWordsSuggestsNothing() {
        assertThat(index.suggest("how do I do this, and can you?", 5)).isEmpty();
    }

    private static List<String> ids(String title, String description) {
        return index.suggest(title + "\n" + description, 3).stream()
                .map(SearchHit::id)
                .toList();
    }
}
