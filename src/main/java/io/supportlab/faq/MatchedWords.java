package io.supportlab.faq;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The words a query looks for, read from the query itself, so the highlighter marks exactly what can have matched:
 * stems on the stemmed fields, whole words (fuzzy expansions) and word patterns (prefixes) on the plain fields.
 */
final class MatchedWords {

    private final CharArraySet stems = new CharArraySet(16, false);
    /** Stemming keeps a word's first letter: only words starting like a query stem need stemming. */
    private final Set<Character> stemInitials = new HashSet<>();

    private final CharArraySet plains = new CharArraySet(16, false);
    private final List<ByteRunAutomaton> plainPatterns = new ArrayList<>();
    private final BytesRefBuilder utf8 = new BytesRefBuilder();

    private MatchedWords() {}

    /** Not thread-safe: make one per request. */
    static MatchedWords of(Query query) {
        MatchedWords words = new MatchedWords();
        query.visit(words.new Collector());
        return words;
    }

    /** Whether a word of an article, in its plain form, is one the query looks for. */
    boolean matchesPlain(char[] word, int length) {
        if (plains.contains(word, 0, length) || stems.contains(word, 0, length)) {
            return true;
        }
        if (plainPatterns.isEmpty()) {
            return false;
        }
        utf8.copyChars(word, 0, length);
        for (ByteRunAutomaton pattern : plainPatterns) {
            if (pattern.run(utf8.bytes(), 0, utf8.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word starting with {@code initial} can have a stem the query looks for. */
    boolean mayMatchStem(char initial) {
        return stemInitials.contains(initial);
    }

    /** Whether the stem of a word of an article is one the query looks for. */
    boolean matchesStem(String stem) {
        return stems.contains(stem);
    }

    private final class Collector extends QueryVisitor {

        @Override
        public void consumeTerms(Query query, Term... terms) {
            for (Term term : terms) {
                switch (term.field()) {
                    case FaqFields.QUESTION, FaqFields.ANSWER -> {
                        stems.add(term.text());
                        stemInitials.add(term.text().charAt(0));
                    }
                    case FaqFields.QUESTION_PLAIN, FaqFields.ANSWER_PLAIN -> plains.add(term.text());
                    default -> {
                        // the category filter is not text
                    }
                }
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            if (field.equals(FaqFields.QUESTION_PLAIN) || field.equals(FaqFields.ANSWER_PLAIN)) {
                plainPatterns.add(automaton.get());
            }
        }

        @Override
        public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
        }
    }
}
