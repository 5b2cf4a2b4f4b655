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
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a user typed into a Lucene query, from analysed tokens only: no query syntax is parsed, so quotes,
 * operators and wildcards in the input are just characters.
 *
 * <p>Each word becomes a clause that matches
 *
 * <ul>
 *   <li>its stem, in the question (boosted) or the answer: BM25 over the stemmed fields;
 *   <li>indexed words a typo or two away from it or its stem, scored at a fifth, so an exact or stemmed match always
 *       wins (only for words that are not common in the index, see {@link #COMMON_MIN_DOC_FREQ});
 *   <li>for the last word, which the user may still be typing, words it is a prefix of.
 * </ul>
 *
 * <p>Most words must match (any, if that finds nothing); a sloppy phrase clause rewards the words in order. Words,
 * typo expansions and phrase length are capped, which bounds the clause count of any input far below Lucene's limit.
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
    /** Two-edit automata are costly to build (then cached); later long words get one edit. */
    static final int MAX_TWO_EDIT_TERMS = 2;
    /** Longer words get no typo allowance: rare, and their two-edit automata cost milliseconds to build. */
    static final int MAX_FUZZY_LENGTH = 20;

    static final float FUZZY_WEIGHT = 0.2f;
    /**
     * A word found in at least this many articles, and in one per thousand, is taken as spelled right and gets no
     * typo variants: most words typed are, and looking for their neighbours is the most expensive part of a search.
     * A misspelling that occurs once or twice in the articles themselves still gets them.
     */
    static final int COMMON_MIN_DOC_FREQ = 3;

    static final int COMMON_DOCS_PER_MATCH = 1_000;
    /** Prefix matches score a constant (no BM25), so this is the score itself, per field boost. */
    static final float PREFIX_WEIGHT = 1f;

    static final int MIN_PREFIX_LENGTH = 2;
    static final int MAX_PHRASE_TERMS = 8;
    static final int PHRASE_SLOP = 2;
    static final float PHRASE_WEIGHT = 0.5f;

    private final FaqAnalyzers analyzers;
    private final FuzzyExpander fuzzy = new FuzzyExpander();

    FaqQueryBuilder(FaqAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * The query for {@code terms}, or empty when there are none. A strict query needs most words to match; a relaxed
     * one any word, for when the strict one finds nothing ("locked out": no article says "out").
     */
    Optional<Query> build(IndexReader reader, List<QueryTerm> terms, @Nullable String category, boolean strict)
            throws IOException {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(allTerms(reader, terms, strict), Occur.MUST);
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
                lastKept = false;
                if (stemmed != null && seen.add(plain)) {
                    terms.add(new QueryTerm(plain, stemmed, position, false));
                    lastKept = true;
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

    private Query allTerms(IndexReader reader, List<QueryTerm> terms, boolean strict) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        TypoBudget budget = new TypoBudget(Math.max(COMMON_MIN_DOC_FREQ, reader.numDocs() / COMMON_DOCS_PER_MATCH));
        for (QueryTerm term : terms) {
            all.add(termClause(reader, term, budget.maxEdits(reader, term)), Occur.SHOULD);
        }
        // Strict: every word of a short query must match; longer ones may miss a third (a word no article uses).
        all.setMinimumNumberShouldMatch(strict ? terms.size() - terms.size() / 3 : 1);
        return all.build();
    }

    /**
     * How many typos each word of one query may have. Capped per query, so that a query of random junk words, each
     * needing a fresh automaton, cannot cost more than a few milliseconds.
     */
    private static final class TypoBudget {

        private final int commonDocFreq;
        private int fuzzyTerms = MAX_FUZZY_TERMS;
        private int twoEditTerms = MAX_TWO_EDIT_TERMS;

        TypoBudget(int commonDocFreq) {
            this.commonDocFreq = commonDocFreq;
        }

        int maxEdits(IndexReader reader, QueryTerm term) throws IOException {
            int edits = FaqQueryBuilder.maxEdits(term.plain());
            if (edits == 0 || fuzzyTerms == 0 || docFreq(reader, term) >= commonDocFreq) {
                return 0;
            }
            fuzzyTerms--;
            if (edits == 2 && twoEditTerms-- <= 0) {
                return 1;
            }
            return edits;
        }
    }

    /** In how many articles the word's stem occurs (counting question and answer apart; an estimate is enough). */
    private static int docFreq(IndexReader reader, QueryTerm term) throws IOException {
        return reader.docFreq(new Term(FaqFields.QUESTION, term.stemmed()))
                + reader.docFreq(new Term(FaqFields.ANSWER, term.stemmed()));
    }

    private Query termClause(IndexReader reader, QueryTerm term, int maxEdits) throws IOException {
        BooleanQuery.Builder clause = new BooleanQuery.Builder()
                .add(boosted(new TermQuery(new Term(FaqFields.QUESTION, term.stemmed())), QUESTION_BOOST), Occur.SHOULD)
                .add(boosted(new TermQuery(new Term(FaqFields.ANSWER, term.stemmed())), ANSWER_BOOST), Occur.SHOULD);
        if (maxEdits > 0) {
            nearWords(reader, FaqFields.QUESTION_PLAIN, FaqFields.QUESTION, term, maxEdits, QUESTION_BOOST)
                    .ifPresent(near -> clause.add(near, Occur.SHOULD));
            nearWords(reader, FaqFields.ANSWER_PLAIN, FaqFields.ANSWER, term, maxEdits, ANSWER_BOOST)
                    .ifPresent(near -> clause.add(near, Occur.SHOULD));
        }
        if (term.last() && term.length() >= MIN_PREFIX_LENGTH) {
            clause.add(prefixQuery(FaqFields.QUESTION_PLAIN, term, QUESTION_BOOST), Occur.SHOULD)
                    .add(prefixQuery(FaqFields.ANSWER_PLAIN, term, ANSWER_BOOST), Occur.SHOULD);
        }
        return clause.build();
    }

    /**
     * Words near the typed word in the plain field, or near its stem in the stemmed field: "pasword" is two edits from
     * the plain "passwords" but one from its stem "password". The better of the two counts, not both.
     */
    private Optional<Query> nearWords(
            IndexReader reader, String plainField, String stemmedField, QueryTerm term, int maxEdits, float fieldBoost)
            throws IOException {
        List<Query> variants = new ArrayList<>(2);
        fuzzy.expand(reader, plainField, term.plain(), maxEdits).ifPresent(variants::add);
        if (maxEdits(term.stemmed()) > 0) {
            // One edit is enough on top of the stemming, and its automaton is cheap.
            fuzzy.expand(reader, stemmedField, term.stemmed(), 1).ifPresent(variants::add);
        }
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(boosted(new DisjunctionMaxQuery(variants, 0f), fieldBoost * FUZZY_WEIGHT));
    }

    private static Query prefixQuery(String field, QueryTerm term, float fieldBoost) {
        // The default constant-score rewrite keeps a short prefix that expands to hundreds of words cheap.
        return boosted(new PrefixQuery(new Term(field, term.plain())), fieldBoost * PREFIX_WEIGHT);
    }

    /**
     * No typo allowance for short words (too many neighbours), very long ones or numbers; one edit up to 7 letters,
     * two beyond.
     */
    static int maxEdits(String word) {
        int length = word.codePointCount(0, word.length());
        if (length < 4 || length > MAX_FUZZY_LENGTH || word.chars().anyMatch(Character::isDigit)) {
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
