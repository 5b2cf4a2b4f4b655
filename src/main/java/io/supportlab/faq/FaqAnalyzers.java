package io.supportlab.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;

/**
 * The analysis chains of the FAQ index, built once and shared. The analyzers of searches are {@link PooledAnalyzer}s
 * (requests run on virtual threads, for which Lucene's per-thread reuse does not work); indexing, on few threads,
 * keeps Lucene's own.
 *
 * <p>The stemmed chain feeds BM25 ranking. The plain chain keeps whole lower-cased words, so that fuzzy and prefix
 * queries compare what the user typed with words as written: a half-typed "subscr" is a prefix of "subscription"
 * but not of its stem "subscript", and a typo changes how a word stems.
 */
final class FaqAnalyzers implements AutoCloseable {

    /**
     * Lucene's English stop words plus the pronouns, auxiliaries and question words that every help-desk question
     * contains ("how do I ...", "can you ..."); left in, they would have to match for a query to match.
     */
    static final CharArraySet STOP_WORDS = stopWords();

    private final Analyzer stemmed = new PooledAnalyzer(FaqAnalyzers::stemmedChain, FaqAnalyzers::fold);
    private final Analyzer plain = new PooledAnalyzer(FaqAnalyzers::plainChain, FaqAnalyzers::fold);
    private final Analyzer highlighting = new PooledAnalyzer(FaqAnalyzers::highlightingChain, FaqAnalyzers::fold);
    private final Analyzer perField = new PerFieldAnalyzerWrapper(
            new ChainAnalyzer(FaqAnalyzers::stemmedChain),
            Map.of(
                    FaqFields.QUESTION_PLAIN,
                    new ChainAnalyzer(FaqAnalyzers::plainChain),
                    FaqFields.ANSWER_PLAIN,
                    new ChainAnalyzer(FaqAnalyzers::plainChain)));

    /** The analyzer for documents: each field gets the chain its queries are analysed with. */
    Analyzer forIndexing() {
        return perField;
    }

    /** The stemming, stop-word-removing chain of {@link FaqFields#QUESTION} and {@link FaqFields#ANSWER}. */
    Analyzer stemmed() {
        return stemmed;
    }

    /** The lower-casing, folding chain of the {@code *_plain} fields. */
    Analyzer plain() {
        return plain;
    }

    /**
     * Every word (stop words too) lower-cased, folded and without a possessive "'s": the form {@link #stem} takes, so
     * the highlighter can stem just the words that may match.
     */
    Analyzer forHighlighting() {
        return highlighting;
    }

    /**
     * The term one plain token becomes in the stemmed fields, or null for a stop word. Running the stemmed analyzer
     * over the token keeps query and index analysis identical by construction.
     */
    @Nullable
    String stem(String plainToken) {
        List<String> terms = terms(stemmed, FaqFields.QUESTION, plainToken, 1);
        return terms.isEmpty() ? null : terms.getFirst();
    }

    /** Up to {@code max} terms of {@code text} as the analyzer of {@code field} produces them. */
    static List<String> terms(Analyzer analyzer, String field, String text, int max) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            List<String> terms = new java.util.ArrayList<>();
            while (terms.size() < max && stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
            return terms;
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O.
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        perField.close();
        stemmed.close();
        plain.close();
        highlighting.close();
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        set.addAll(List.of(
                "i", "i'm", "im", "i've", "ive", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your",
                "yours", "he", "him", "his", "she", "her", "its", "it's", "them", "what", "which", "who", "whom",
                "when", "where", "why", "how", "do", "does", "did", "doing", "done", "have", "has", "had", "am", "been",
                "being", "can", "could", "should", "would", "may", "might", "must", "shall", "please", "want", "wants",
                "need", "so", "too", "very", "just", "also", "there's", "here", "from", "than", "any", "some"));
        return CharArraySet.unmodifiableSet(set);
    }

    /** Lucene's English analysis with our stop words: the terms of the ranked fields. */
    private static Analyzer.TokenStreamComponents stemmedChain() {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new PorterStemFilter(stream);
        return new Analyzer.TokenStreamComponents(source, stream);
    }

    private static Analyzer.TokenStreamComponents highlightingChain() {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new Analyzer.TokenStreamComponents(source, stream);
    }

    private static Analyzer.TokenStreamComponents plainChain() {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        return new Analyzer.TokenStreamComponents(source, stream);
    }

    private static TokenStream fold(TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** A chain with Lucene's per-thread reuse, for the index writer. */
    private static final class ChainAnalyzer extends Analyzer {

        private final Supplier<TokenStreamComponents> chain;

        ChainAnalyzer(Supplier<TokenStreamComponents> chain) {
            this.chain = chain;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return chain.get();
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return fold(in);
        }
    }
}
