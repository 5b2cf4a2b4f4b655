package io.supportlab.faq;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Builds a "more like this" query from free text such as a ticket's title and description: the text is analysed like
 * the stemmed fields (stop words out), and the words that are frequent in the text but rare in the index are kept,
 * weighted by tf·idf. Long tickets are fine; only their significant words count.
 */
final class SuggestionQueryBuilder {

    static final int MIN_TEXT_LENGTH = 3;
    static final int MAX_TEXT_CHARS = 10_000;
    static final int MAX_TERMS_PER_FIELD = 15;
    static final int MAX_TOKENS_PARSED = 2_000;

    private final FaqAnalyzers analyzers;

    SuggestionQueryBuilder(FaqAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The query for {@code text} against {@code reader}'s statistics, or empty when no word of it is in the index. */
    Optional<Query> build(IndexReader reader, String text) throws IOException {
        String input = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
        if (input.strip().length() < MIN_TEXT_LENGTH) {
            return Optional.empty();
        }
        // MoreLikeThis is cheap to create but bound to one reader, so it is made per request.
        MoreLikeThis moreLikeThis = new MoreLikeThis(reader);
        moreLikeThis.setAnalyzer(analyzers.stemmed());
        moreLikeThis.setMinTermFreq(1);
        moreLikeThis.setMinDocFreq(1);
        moreLikeThis.setMinWordLen(2);
        moreLikeThis.setMaxQueryTerms(MAX_TERMS_PER_FIELD);
        moreLikeThis.setMaxNumTokensParsed(MAX_TOKENS_PARSED);
        moreLikeThis.setBoost(true);

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        addField(query, moreLikeThis, FaqFields.QUESTION, input, FaqQueryBuilder.QUESTION_BOOST);
        addField(query, moreLikeThis, FaqFields.ANSWER, input, FaqQueryBuilder.ANSWER_BOOST);
        BooleanQuery built = query.build();
        return built.clauses().isEmpty() ? Optional.empty() : Optional.of(built);
    }

    private static void addField(
            BooleanQuery.Builder query, MoreLikeThis moreLikeThis, String field, String text, float boost)
            throws IOException {
        moreLikeThis.setFieldNames(new String[] {field});
        Query like = moreLikeThis.like(field, new StringReader(text));
        if (like instanceof BooleanQuery terms && terms.clauses().isEmpty()) {
            return;
        }
        query.add(new BooleanClause(new BoostQuery(like, boost), Occur.SHOULD));
    }
}
