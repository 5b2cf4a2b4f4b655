package io.supportlab.faq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** Turns top documents into {@link SearchHit}s with a highlighted question and an answer snippet. */
final class HitRenderer {

    static final int QUESTION_MAX_CHARS = 300;
    static final int SNIPPET_CHARS = 200;

    private final Highlighter highlighter;

    HitRenderer(FaqAnalyzers analyzers) {
        this.highlighter = new Highlighter(analyzers);
    }

    /** {@code query} is the one that found {@code found}: the words it looks for are the ones marked. */
    List<SearchHit> render(IndexSearcher searcher, Query query, ScoreDoc[] found) throws IOException {
        if (found.length == 0) {
            return List.of();
        }
        MatchedWords words = MatchedWords.of(query);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<SearchHit> hits = new ArrayList<>(found.length);
        for (ScoreDoc scoreDoc : found) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
            LeafReader reader = leaf.reader();
            int doc = scoreDoc.doc - leaf.docBase;
            String question = FaqFields.text(reader, FaqFields.QUESTION_TEXT, doc);
            String answer = FaqFields.text(reader, FaqFields.ANSWER_TEXT, doc);
            hits.add(new SearchHit(
                    FaqFields.id(reader, doc),
                    scoreDoc.score,
                    Snippets.whole(question, highlighter.find(question, words, QUESTION_MAX_CHARS), QUESTION_MAX_CHARS),
                    Snippets.window(answer, highlighter.find(answer, words, SNIPPET_CHARS), SNIPPET_CHARS)));
        }
        return hits;
    }
}
