package io.supportlab.faq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * Finds the indexed words within a few typos of a query word and scores them as one: what {@link FuzzyQuery} does,
 * at a fraction of the cost.
 *
 * <p>FuzzyQuery compiles fresh Levenshtein automata for every query and field, and a two-edit automaton of a long
 * word is costly to build (bench/README.md, "FAQ search internals"), several times per word. Here one automaton per
 * word serves every field and, from a bounded
 * cache, every later request. The near words found are scored together as a {@link SynonymQuery} (BM25 with blended
 * statistics, so a rare misspelling in some article does not get a huge IDF), each weighted by its closeness.
 */
final class FuzzyExpander {

    /** Two-edit automata of common words take about 100–200 KB each; this bounds the cache to a few hundred. */
    static final long MAX_CACHE_BYTES = 32L * 1024 * 1024;

    static final int MAX_EXPANSIONS = 16;
    /** Bounds the terms walked per field for one word: a hostile "word" must not scan the dictionary. */
    static final int MAX_TERMS_SCANNED = 256;
    /** Typos rarely hit the first letter, and a fixed first letter keeps the term walk short. */
    static final int PREFIX_LENGTH = 1;

    private final AutomatonCache automata = new AutomatonCache();

    /** The words of {@code field} 1 to {@code maxEdits} edits from {@code word}, or empty when there are none. */
    Optional<Query> expand(IndexReader reader, String field, String word, int maxEdits) throws IOException {
        CompiledAutomaton automaton = automata.get(word, maxEdits);
        Map<BytesRef, Integer> docFreqs = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms != null) {
                collect(automaton.getTermsEnum(terms), docFreqs);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        int[] target = word.codePoints().toArray();
        docFreqs.forEach((term, docFreq) -> {
            int distance = EditDistance.between(
                    target, term.utf8ToString().codePoints().toArray(), maxEdits);
            if (distance > 0 && distance <= maxEdits) {
                candidates.add(new Candidate(term, distance, docFreq));
            }
        });
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance)
                .thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed()));
        SynonymQuery.Builder near = new SynonymQuery.Builder(field);
        for (Candidate candidate : candidates.subList(0, Math.min(MAX_EXPANSIONS, candidates.size()))) {
            // one edit weighs 1, two edits 1/2
            near.addTerm(candidate.term(), 1f / candidate.distance());
        }
        return Optional.of(near.build());
    }

    private static void collect(TermsEnum terms, Map<BytesRef, Integer> docFreqs) throws IOException {
        int scanned = 0;
        for (BytesRef term = terms.next(); term != null && scanned++ < MAX_TERMS_SCANNED; term = terms.next()) {
            docFreqs.merge(BytesRef.deepCopyOf(term), terms.docFreq(), Integer::sum);
        }
    }

    private record Candidate(BytesRef term, int distance, int docFreq) {}

    /** Compiled automata by word and distance, least recently used dropped first, bounded by memory. */
    private static final class AutomatonCache {

        private final LinkedHashMap<String, CompiledAutomaton> byKey = new LinkedHashMap<>(64, 0.75f, true);
        private long bytes;

        CompiledAutomaton get(String word, int maxEdits) {
            String key = maxEdits + ":" + word;
            synchronized (this) {
                CompiledAutomaton cached = byKey.get(key);
                if (cached != null) {
                    return cached;
                }
            }
            // Built outside the lock: two threads may build the same one, which is harmless.
            CompiledAutomaton built = FuzzyQuery.getFuzzyAutomaton(word, maxEdits, PREFIX_LENGTH, true);
            synchronized (this) {
                if (byKey.put(key, built) == null) {
                    bytes += built.ramBytesUsed();
                }
                var eldest = byKey.entrySet().iterator();
                while (bytes > MAX_CACHE_BYTES && eldest.hasNext()) {
                    bytes -= eldest.next().getValue().ramBytesUsed();
                    eldest.remove();
                }
            }
            return built;
        }
    }
}
