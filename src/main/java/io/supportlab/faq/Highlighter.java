package io.supportlab.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Finds the words of a text that a query matched, by analysing the text again: a word matches when its plain form is
 * one the query looks for, or its stem is.
 *
 * <p>Re-analysing a short text is cheaper than asking the index (the Matches API opens postings for every query term
 * and hit, fuzzy expansions included). The work is capped: only words that can have a matching stem are stemmed,
 * reading stops a snippet's length after the first match, and never goes past the first {@link #MAX_CHARS}
 * characters.
 */
final class Highlighter {

    static final int MAX_CHARS = 5_000;
    static final int MAX_MATCHES = 50;

    private final FaqAnalyzers analyzers;

    Highlighter(FaqAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The matched words of {@code text}, those at most {@code span} characters after the first one. */
    List<Snippets.Range> find(String text, MatchedWords words, int span) {
        List<Snippets.Range> ranges = new ArrayList<>();
        String head = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        try (TokenStream stream = analyzers.forHighlighting().tokenStream(FaqFields.QUESTION, head)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int stopAt = Integer.MAX_VALUE;
            while (stream.incrementToken() && offset.startOffset() < stopAt && ranges.size() < MAX_MATCHES) {
                if (matches(term, words)) {
                    ranges.add(new Snippets.Range(offset.startOffset(), offset.endOffset()));
                    stopAt = Math.min(stopAt, offset.startOffset() + span);
                }
            }
            stream.end();
        } catch (IOException e) {
            // Analysis of an in-memory string does no I/O.
            throw new UncheckedIOException(e);
        }
        return ranges;
    }

    private boolean matches(CharTermAttribute term, MatchedWords words) {
        if (words.matchesPlain(term.buffer(), term.length())) {
            return true;
        }
        if (term.length() == 0 || !words.mayMatchStem(term.charAt(0))) {
            return false;
        }
        String stem = analyzers.stem(term.toString());
        return stem != null && words.matchesStem(stem);
    }
}
