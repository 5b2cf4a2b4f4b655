package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.index.MultiReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaqQueryBuilderTests {

    final FaqAnalyzers analyzers = new FaqAnalyzers();
    final FaqQueryBuilder builder = new FaqQueryBuilder(analyzers);

    @AfterEach
    void close() {
        analyzers.close();
    }

    @Test
    void onlyTheLastWordMayBeIncomplete() {
        assertThat(builder.terms("pass reset")).extracting(QueryTerm::last).containsExactly(false, true);
    }

    @Test
    void wordsKeepThePlainAndTheStemmedForm() {
        assertThat(builder.terms("Resetting Passwords"))
                .extracting(QueryTerm::plain, QueryTerm::stemmed)
                .containsExactly(tuple("resetting", "reset"), tuple("passwords", "password"));
    }

    @Test
    void stopWordsAreDroppedButKeepTheirPositions() {
        assertThat(builder.terms("how do I reset my password"))
                .extracting(QueryTerm::stemmed, QueryTerm::position)
                .containsExactly(tuple("reset", 3), tuple("password", 5));
    }

    @Test
    void repeatedWordsCountOnce() {
        assertThat(builder.terms("refund refund REFUND")).hasSize(1);
    }

    @Test
    void overlongTokensAreIgnored() {
        assertThat(builder.terms("refund " + "x".repeat(FaqQueryBuilder.MAX_TERM_LENGTH + 1)))
                .extracting(QueryTerm::plain)
                .containsExactly("refund");
    }

    @Test
    void numberOfWordsIsCapped() {
        String manyWords = String.join(
                " ", IntStream.range(0, 100).mapToObj(i -> "word" + i).toList());

        List<QueryTerm> terms = builder.terms(manyWords);

        assertThat(terms).hasSize(FaqQueryBuilder.MAX_TERMS);
        assertThat(terms).noneMatch(QueryTerm::last);
    }

    @Test
    void typoAllowanceGrowsWithWordLength() {
        assertThat(List.of("api", "card", "refund", "subscription"))
                .extracting(FaqQueryBuilder::maxEdits)
                .containsExactly(0, 1, 1, 2);
    }

    @Test
    void numbersAndVeryLongWordsGetNoTypoAllowance() {
        assertThat(List.of("2fa", "12345", "oauth2", "internationalisations"))
                .extracting(FaqQueryBuilder::maxEdits)
                .containsExactly(0, 0, 0, 0);
    }

    @Test
    void inputWithoutWordsBuildsNoQuery() throws Exception {
        try (MultiReader emptyIndex = new MultiReader()) {
            assertThat(builder.build(emptyIndex, builder.terms("?! -- \"\" *"), null, true))
                    .isEmpty();
        }
    }
}
