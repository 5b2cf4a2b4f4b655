package io.supportlab.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;

/**
 * The full-text index of published FAQ articles: ranked search with highlighting, and "more like this" suggestions
 * for ticket text.
 *
 * <p><b>Contents.</b> Only published articles are indexed; upserting an unpublished one removes it. So nothing
 * unpublished or deleted can ever be found, whatever the query.
 *
 * <p><b>Start-up.</b> {@link #indexedVersions()} returns the id and {@code updatedAt} of every indexed article;
 * compare it with the published articles in the database and call {@link #replaceAll} when they differ. A missing,
 * unreadable or older-schema index is recreated empty when this class is constructed, so that comparison also catches
 * those cases.
 *
 * <p><b>Threads.</b> All methods are thread-safe. Writes are serialised, committed to disk and visible to the very
 * next search when they return; searches never wait for writes and see either the state before or after one, never
 * a part of it ({@link #replaceAll} included).
 *
 * <p><b>Lifecycle.</b> One instance per index directory (Lucene holds a write lock on it). {@link #close()} it once,
 * at shutdown, after the last search; nothing else needs calling.
 */
final class FaqSearchIndex implements AutoCloseable {

    /** Rankings end here: nobody pages past the hundredth answer to a help-center question. */
    static final int MAX_RESULTS = 100;
    /** Bump when fields or analysis change, so an index written by an older release is rebuilt from the database. */
    static final String SCHEMA_VERSION = "2";

    private static final String SCHEMA_KEY = "supportlab.faq.schema";

    private final FaqAnalyzers analyzers = new FaqAnalyzers();
    private final FaqQueryBuilder queries = new FaqQueryBuilder(analyzers);
    private final SuggestionQueryBuilder suggestions = new SuggestionQueryBuilder(analyzers);
    private final HitRenderer renderer = new HitRenderer(analyzers);
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Object writeLock = new Object();

    /** Opens the index in {@code path}, creating it (and the directory) when missing or unusable. */
    FaqSearchIndex(Path path) {
        try {
            directory = FSDirectory.open(path);
            writer = openWriter(directory);
            commit();
            searchers = new SearcherManager(writer, new SearcherFactory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the FAQ search index in " + path, e);
        }
    }

    /** Indexes {@code faq}, replacing its previous version; an unpublished article is removed instead. */
    void upsert(IndexedFaq faq) {
        write(() -> {
            if (faq.published()) {
                writer.updateDocument(FaqFields.idTerm(faq.id()), FaqFields.toDocument(faq));
            } else {
                writer.deleteDocuments(FaqFields.idTerm(faq.id()));
            }
        });
    }

    /** Removes the article {@code id}, if indexed. */
    void delete(String id) {
        write(() -> writer.deleteDocuments(FaqFields.idTerm(id)));
    }

    /** Replaces the whole index with the published ones of {@code faqs}; searches see the old index until done. */
    void replaceAll(Collection<IndexedFaq> faqs) {
        write(() -> {
            writer.deleteAll();
            for (IndexedFaq faq : faqs) {
                if (faq.published()) {
                    // update, not add: a repeated id in the input must not become two documents
                    writer.updateDocument(FaqFields.idTerm(faq.id()), FaqFields.toDocument(faq));
                }
            }
        });
    }

    /** How many articles are searchable. */
    int count() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** The {@code updatedAt} of every indexed article by id, to compare with the database's published articles. */
    Map<String, Instant> indexedVersions() {
        return withSearcher(searcher -> {
            Map<String, Instant> versions = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                versions.putAll(FaqFields.versions(leaf.reader()));
            }
            return versions;
        });
    }

    /** Hits {@code offset} to {@code offset + limit} of a ranking, and whether the ranking goes on after them. */
    record ResultPage(List<SearchHit> hits, boolean more) {}

    /**
     * Published articles matching {@code query}, best first, at most {@code limit}, only those in {@code category}
     * when given. Any text is accepted; a blank one or one without a searchable word finds nothing (list the newest
     * articles instead).
     */
    List<SearchHit> search(@Nullable String query, @Nullable String category, int limit) {
        return search(query, category, 0, limit).hits();
    }

    /**
     * One page of the ranking of {@link #search(String, String, int)}: the hits after the first {@code offset}.
     * Rankings end after {@value #MAX_RESULTS} hits. Only the page's hits are highlighted, the costly part of a
     * search.
     */
    ResultPage search(@Nullable String query, @Nullable String category, int offset, int limit) {
        if (query == null || query.isBlank() || limit <= 0 || offset < 0 || offset >= MAX_RESULTS) {
            return new ResultPage(List.of(), false);
        }
        List<QueryTerm> terms = queries.terms(query);
        int end = Math.min(offset + limit, MAX_RESULTS);
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            // All words first; when no article has them all, any of them.
            ResultPage page = search(searcher, queries.build(reader, terms, category, true), offset, end);
            if (page == null && terms.size() > 1) {
                page = search(searcher, queries.build(reader, terms, category, false), offset, end);
            }
            return page == null ? new ResultPage(List.of(), false) : page;
        });
    }

    /**
     * The published articles most like {@code text} (for example a ticket's title and description), best first, at
     * most {@code limit}. Texts under three characters suggest nothing.
     */
    List<SearchHit> suggest(@Nullable String text, int limit) {
        if (text == null || limit <= 0) {
            return List.of();
        }
        return withSearcher(searcher -> {
            ResultPage page = search(searcher, suggestions.build(searcher.getIndexReader(), text), 0, limit);
            return page == null ? List.<SearchHit>of() : page.hits();
        });
    }

    /** Closes the index; a write or search after this fails. */
    @Override
    public void close() {
        synchronized (writeLock) {
            try (directory;
                    writer;
                    searchers;
                    analyzers) {
                // closed in reverse order: analyzers, searchers, writer (committing), directory
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Ranks with {@code built} and renders hits {@code from} (inclusive) to {@code to} (exclusive); null when nothing
     * matches at all.
     */
    private @Nullable ResultPage search(IndexSearcher searcher, Optional<Query> built, int from, int to)
            throws IOException {
        if (built.isEmpty()) {
            return null;
        }
        Query query = built.get();
        try {
            // One more than the page, to tell whether another page follows.
            int size = Math.min(to + 1, MAX_RESULTS);
            // No exact total hit count is needed, so scoring may skip documents that cannot make the top list.
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(size, size));
            ScoreDoc[] ranked = top.scoreDocs;
            if (ranked.length == 0) {
                return null;
            }
            if (ranked.length <= from) {
                return new ResultPage(List.of(), false);
            }
            ScoreDoc[] page = Arrays.copyOfRange(ranked, from, Math.min(to, ranked.length));
            return new ResultPage(renderer.render(searcher, query, page), ranked.length > to);
        } catch (IndexSearcher.TooManyClauses e) {
            // The builders stay far below the limit; if a future change does not, degrade to "no results".
            return null;
        }
    }

    private void write(IndexAction action) {
        synchronized (writeLock) {
            try {
                action.run();
                commit();
                // Blocking, so the write is visible to the next search once this method returns.
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot update the FAQ search index", e);
            }
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
        writer.commit();
    }

    private <T> T withSearcher(SearcherAction<T> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the FAQ search index", e);
        }
    }

    private IndexWriter openWriter(Directory directory) throws IOException {
        OpenMode mode = hasCurrentSchema(directory) ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE;
        try {
            return new IndexWriter(directory, writerConfig(mode));
        } catch (LockObtainFailedException e) {
            throw e; // another instance owns this index: never wipe it
        } catch (IOException e) {
            // Even CREATE reads the last commit point; drop unreadable ones and Lucene removes the files they held.
            for (String file : directory.listAll()) {
                if (file.startsWith(IndexFileNames.SEGMENTS)) {
                    directory.deleteFile(file);
                }
            }
            return new IndexWriter(directory, writerConfig(OpenMode.CREATE));
        }
    }

    private IndexWriterConfig writerConfig(OpenMode mode) {
        return new IndexWriterConfig(analyzers.forIndexing()).setOpenMode(mode);
    }

    /** False when there is no index, or one that cannot be read or was written with another schema version. */
    private static boolean hasCurrentSchema(Directory directory) {
        try {
            return DirectoryReader.indexExists(directory)
                    && SCHEMA_VERSION.equals(SegmentInfos.readLatestCommit(directory)
                            .getUserData()
                            .get(SCHEMA_KEY));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface IndexAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface SearcherAction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
