package io.supportlab.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
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

    static final int MAX_LIMIT = 100;
    /** Bump when fields or analysis change, so an index written by an older release is rebuilt from the database. */
    static final String SCHEMA_VERSION = "1";

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

    /**
     * Published articles matching {@code query}, best first, at most {@code limit} (capped at {@value #MAX_LIMIT}),
     * only those in {@code category} when given. Any text is accepted; a blank one or one without a searchable word
     * finds nothing (list the newest articles instead).
     */
    List<SearchHit> search(@Nullable String query, @Nullable String category, int limit) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        List<QueryTerm> terms = queries.terms(query);
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            List<SearchHit> hits = search(searcher, queries.build(reader, terms, category, true), limit);
            return hits.isEmpty() && terms.size() > 1
                    ? search(searcher, queries.build(reader, terms, category, false), limit)
                    : hits;
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
        return withSearcher(searcher -> search(searcher, suggestions.build(searcher.getIndexReader(), text), limit));
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

    private List<SearchHit> search(IndexSearcher searcher, Optional<Query> built, int limit) throws IOException {
        if (built.isEmpty()) {
            return List.of();
        }
        Query query = built.get();
        try {
            int size = Math.min(limit, MAX_LIMIT);
            // No exact total hit count is needed, so scoring may skip documents that cannot make the top list.
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(size, size));
            return renderer.render(searcher, query, top);
        } catch (IndexSearcher.TooManyClauses e) {
            // The builders stay far below the limit; if a future change does not, degrade to "no results".
            return List.of();
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
