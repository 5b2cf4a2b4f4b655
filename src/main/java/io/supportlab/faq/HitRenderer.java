package io.supportlab.faq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * Turns top documents into {@link SearchHit}s with highlighted question and answer snippet.
 *
 * <p>The positions to mark come from Lucene's Matches API over the executed query, read from the offsets in the
 * postings: no re-analysis of the text, and fuzzy or prefix expansions are marked exactly as they matched. Only the
 * first {@link #MAX_MATCHES} matches of a field are read, so a huge answer costs no more than a short one.
 */
final class HitRenderer {

    static final int QUESTION_MAX_CHARS = 300;
    static final int SNIPPET_CHARS = 200;
    static final int MAX_MATCHES = 50;

    private static final Set<String> STORED = Set.of(FaqFields.ID, FaqFields.QUESTION, FaqFields.ANSWER);

    private HitRenderer() {}

    /** {@code query} must be the one that produced {@code top}, already rewritten by {@code searcher}. */
    static List<SearchHit> render(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
        if (top.scoreDocs.length == 0) {
            return List.of();
        }
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        StoredFields storedFields = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
            Matches matches = weight.matches(leaf, scoreDoc.doc - leaf.docBase);
            Document doc = storedFields.document(scoreDoc.doc, STORED);
            String question = doc.get(FaqFields.QUESTION);
            String answer = doc.get(FaqFields.ANSWER);
            hits.add(new SearchHit(
                    doc.get(FaqFields.ID),
                    scoreDoc.score,
                    Snippets.whole(
                            question,
                            ranges(matches, FaqFields.QUESTION, FaqFields.QUESTION_PLAIN),
                            QUESTION_MAX_CHARS),
                    Snippets.window(answer, ranges(matches, FaqFields.ANSWER, FaqFields.ANSWER_PLAIN), SNIPPET_CHARS)));
        }
        return hits;
    }

    private static List<Snippets.Range> ranges(@Nullable Matches matches, String... fields) throws IOException {
        List<Snippets.Range> ranges = new ArrayList<>();
        if (matches == null) {
            return ranges;
        }
        for (String field : fields) {
            MatchesIterator iterator = matches.getMatches(field);
            int read = 0;
            while (iterator != null && read++ < MAX_MATCHES && iterator.next()) {
                addRanges(iterator, ranges);
            }
        }
        return ranges;
    }

    /**
     * A phrase match spans its words and the stop words between them, and Lucene reports it as one leaf. Its words
     * are matched by their own term clauses too, so phrases are skipped and only the words get marked.
     */
    private static void addRanges(MatchesIterator match, List<Snippets.Range> ranges) throws IOException {
        if (match.getQuery() instanceof PhraseQuery) {
            return;
        }
        MatchesIterator words = match.getSubMatches();
        if (words == null) {
            addRange(match, ranges);
            return;
        }
        while (words.next()) {
            addRange(words, ranges);
        }
    }

    private static void addRange(MatchesIterator match, List<Snippets.Range> ranges) throws IOException {
        int start = match.startOffset();
        int end = match.endOffset();
        if (start >= 0 && end > start) {
            ranges.add(new Snippets.Range(start, end));
        }
    }
}
