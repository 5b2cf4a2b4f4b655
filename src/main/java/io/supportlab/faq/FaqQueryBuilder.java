package io.supportlab.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a user typed into a Lucene query, from analysed tokens only: no query syntax is parsed, so quotes,
 * operators and wildcards in the input are just characters.
 *
 * <p>Each word becomes a clause that matches its stem (question boosted over answer), a fuzzy variant of the word
 * or its stem (scored far lower, so an exact or stemmed match always wins) and, for the last word, a prefix of it (the user
 * may still be typing). Most words must match (any, if that finds nothing); a phrase clause rewards the words in order. The number of words, the
 * fuzzy expansions and the phrase length are capped, which bounds the clause count of any input well below Lucene's
 * limit.
 */
final class FaqQueryBuilder {

    static final float QUESTION_BOOST = 3f;
    static final float ANSWER_BOOST = 1f;

    /** Only the start of a very long input is read; nobody types a 1,000-character search. */
    static final int MAX_QUERY_CHARS = 1_000;

    static final int MAX_TERMS = 32;
    /** Longer "words" are pasted junk (hashes, URLs), and fuzzy automata grow with length. */
    static final int MAX_TERM_LENGTH = 40;

    static final int MAX_FUZZY_TERMS = 8;
    static final int MAX_FUZZY_EXPANSIONS = 16;
    /** Typos rarely hit the first letter, and a fixed first letter keeps the term walk short. */
    static final int FUZZY_PREFIX_LENGTH = 1;

    static final float FUZZY_WEIGHT = 0.2f;
    /** Prefix matches score a constant (no BM25), so this is the score itself, per field boost. */
    static final float PREFIX_WEIGHT = 1f;

    static final int MIN_PREFIX_LENGTH = 2;
    static final int MAX_PHRASE_TERMS = 8;
    static final int PHRASE_SLOP = 2;
    static final float PHRASE_WEIGHT = 0.5f;

    private final FaqAnalyzers analyzers;

    FaqQueryBuilder(FaqAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * The query for {@code terms}, or empty when there are none. A strict query needs most words to match; a relaxed
     * one any word, for when the strict one finds nothing ("locked out": no article says "out").
     */
    Optional<Query> build(List<QueryTerm> terms, @Nullable String category, boolean strict) {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(allTerms(terms, strict), Occur.MUST);
        for (Query phrase : phrases(terms)) {
            query.add(phrase, Occur.SHOULD);
        }
        if (category != null && !category.isBlank()) {
            query.add(new TermQuery(FaqFields.categoryTerm(category)), Occur.FILTER);
        }
        return Optional.of(query.build());
    }

    /** The meaningful words of {@code text}: stop words, over-long tokens and repeats dropped, at most MAX_TERMS. */
    List<QueryTerm> terms(String text) {
        boolean cut = text.length() > MAX_QUERY_CHARS;
        List<QueryTerm> terms = new ArrayList<>();
        boolean endsWithTerm = collectTerms(cut ? text.substring(0, MAX_QUERY_CHARS) : text, terms);
        // Only the word the input ends with may be incomplete; a cut-off input ends nowhere the user typed.
        if (endsWithTerm && !cut) {
            QueryTerm last = terms.removeLast();
            terms.add(new QueryTerm(last.plain(), last.stemmed(), last.position(), true));
        }
        return terms;
    }

    /** Adds the words of {@code input} to {@code terms}; true when its last token is the last term added. */
    private boolean collectTerms(String input, List<QueryTerm> terms) {
        Set<String> seen = new HashSet<>();
        try (TokenStream stream = analyzers.plain().tokenStream(FaqFields.QUESTION_PLAIN, input)) {
            CharTermAttribute token = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            boolean lastKept = false;
            boolean more = stream.incrementToken();
            while (more && terms.size() < MAX_TERMS) {
                position += increment.getPositionIncrement();
                String plain = token.toString();
                String stemmed = plain.length() > MAX_TERM_LENGTH ? null : analyzers.stem(plain);
                lastKept = stemmed != null && seen.add(plain);
                if (lastKept) {
                    terms.add(new QueryTerm(plain, stemmed, position, false));
                }
                more = stream.incrementToken();
            }
            stream.end();
            return lastKept && !more;
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O.
            throw new UncheckedIOException(e);
        }
    }

    private Query allTerms(List<QueryTerm> terms, boolean strict) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int fuzzyBudget = MAX_FUZZY_TERMS;
        for (QueryTerm term : terms) {
            boolean fuzzy = fuzzyBudget > 0 && maxEdits(term.plain()) > 0;
            if (fuzzy) {
                fuzzyBudget--;
            }
            all.add(termClause(term, fuzzy), Occur.SHOULD);
        }
        // Strict: every word of a short query must match; longer ones may miss a third (a word no article uses).
        all.setMinimumNumberShouldMatch(strict ? terms.size() - terms.size() / 3 : 1);
        return all.build();
    }

    private Query termClause(QueryTerm term, boolean fuzzy) {
        BooleanQuery.Builder clause = new BooleanQuery.Builder()
                .add(boosted(new TermQuery(new Term(FaqFields.QUESTION, term.stemmed())), QUESTION_BOOST), Occur.SHOULD)
                .add(boosted(new TermQuery(new Term(FaqFields.ANSWER, term.stemmed())), ANSWER_BOOST), Occur.SHOULD);
        if (fuzzy) {
            clause.add(fuzzyQuery(FaqFields.QUESTION_PLAIN, FaqFields.QUESTION, term, QUESTION_BOOST), Occur.SHOULD)
                    .add(fuzzyQuery(FaqFields.ANSWER_PLAIN, FaqFields.ANSWER, term, ANSWER_BOOST), Occur.SHOULD);
        }
        if (term.last() && term.length() >= MIN_PREFIX_LENGTH) {
            clause.add(prefixQuery(FaqFields.QUESTION_PLAIN, term, QUESTION_BOOST), Occur.SHOULD)
                    .add(prefixQuery(FaqFields.ANSWER_PLAIN, term, ANSWER_BOOST), Occur.SHOULD);
        }
        return clause.build();
    }

    /**
     * The typed word near a word of the plain field, or its stem near a stem: "pasword" is two edits from the plain
     * "passwords" but one from its stem "password". The better of the two counts, not both.
     */
    private static Query fuzzyQuery(String plainField, String stemmedField, QueryTerm term, float fieldBoost) {
        List<Query> variants = new ArrayList<>(2);
        variants.add(fuzzy(plainField, term.plain(), maxEdits(term.plain())));
        int stemEdits = maxEdits(term.stemmed());
        if (stemEdits > 0) {
            variants.add(fuzzy(stemmedField, term.stemmed(), stemEdits));
        }
        return boosted(new DisjunctionMaxQuery(variants, 0f), fieldBoost * FUZZY_WEIGHT);
    }

    private static Query fuzzy(String field, String text, int maxEdits) {
        return new FuzzyQuery(new Term(field, text), maxEdits, FUZZY_PREFIX_LENGTH, MAX_FUZZY_EXPANSIONS, true);
    }

    private static Query prefixQuery(String field, QueryTerm term, float fieldBoost) {
        // The default constant-score rewrite keeps a short prefix that expands to hundreds of words cheap.
        return boosted(new PrefixQuery(new Term(field, term.plain())), fieldBoost * PREFIX_WEIGHT);
    }

    /** No typo allowance for short words (too many neighbours) or numbers, one edit up to 7 letters, two beyond. */
    static int maxEdits(String word) {
        int length = word.codePointCount(0, word.length());
        if (length < 4 || word.chars().anyMatch(Character::isDigit)) {
            return 0;
        }
        return length < 8 ? 1 : 2;
    }

    private static List<Query> phrases(List<QueryTerm> terms) {
        List<QueryTerm> phraseTerms = terms.subList(0, Math.min(terms.size(), MAX_PHRASE_TERMS));
        if (phraseTerms.size() < 2) {
            return List.of();
        }
        return List.of(
                phrase(FaqFields.QUESTION, phraseTerms, QUESTION_BOOST * PHRASE_WEIGHT),
                phrase(FaqFields.ANSWER, phraseTerms, ANSWER_BOOST * PHRASE_WEIGHT));
    }

    private static Query phrase(String field, List<QueryTerm> terms, float boost) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(PHRASE_SLOP);
        for (QueryTerm term : terms) {
            phrase.add(new Term(field, term.stemmed()), term.position());
        }
        return boosted(phrase.build(), boost);
    }

    private static Query boosted(Query query, float boost) {
        return boost == 1f ? query : new BoostQuery(query, boost);
    }
}
