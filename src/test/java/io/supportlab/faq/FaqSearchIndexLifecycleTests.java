package io.supportlab.faq;

import static io.supportlab.faq.HelpDeskFaqs.faq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, reopening and recreating the index, so the caller can detect a stale one at start. */
class FaqSearchIndexLifecycleTests {

    @TempDir
    Path indexDir;

    @Test
    void missingIndexIsCreatedEmpty() {
        try (FaqSearchIndex index = new FaqSearchIndex(indexDir.resolve("not-yet-there"))) {
            assertThat(index.count()).isZero();
            assertThat(index.indexedVersions()).isEmpty();
        }
    }

    @Test
    void reopenedIndexKeepsItsArticles() {
        try (FaqSearchIndex index = new FaqSearchIndex(indexDir)) {
            index.upsert(faq("refunds", "Can I get a refund?", "We refund payments.", "billing"));
        }

        try (FaqSearchIndex index = new FaqSearchIndex(indexDir)) {
            assertThat(index.indexedVersions()).isEqualTo(Map.of("refunds", HelpDeskFaqs.UPDATED));
            assertThat(index.search("refund", null, 5))
                    .extracting(SearchHit::id)
                    .containsExactly("refunds");
        }
    }

    @Test
    void indexOfAnotherSchemaVersionIsRecreatedEmpty() throws Exception {
        try (FSDirectory directory = FSDirectory.open(indexDir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document old = new Document();
            old.add(new StringField(FaqFields.ID, "old", Field.Store.YES));
            writer.addDocument(old);
            writer.setLiveCommitData(Map.of("supportlab.faq.schema", "0").entrySet());
            writer.commit();
        }

        try (FaqSearchIndex index = new FaqSearchIndex(indexDir)) {
            assertThat(index.indexedVersions()).isEmpty();
        }
    }

    @Test
    void unreadableIndexIsRecreatedEmpty() throws Exception {
        Files.writeString(indexDir.resolve("segments_1"), "not a Lucene commit");

        try (FaqSearchIndex index = new FaqSearchIndex(indexDir)) {
            assertThat(index.count()).isZero();
            index.upsert(faq("refunds", "Can I get a refund?", "We refund payments.", "billing"));
            assertThat(index.count()).isEqualTo(1);
        }
    }

    @Test
    void secondInstanceOnTheSameDirectoryIsRefusedAndWipesNothing() {
        try (FaqSearchIndex index = new FaqSearchIndex(indexDir)) {
            index.upsert(faq("refunds", "Can I get a refund?", "We refund payments.", "billing"));

            assertThatThrownBy(() -> new FaqSearchIndex(indexDir)).isInstanceOf(UncheckedIOException.class);
            assertThat(index.count()).isEqualTo(1);
        }
    }

    @Test
    void closedIndexRefusesSearches() {
        FaqSearchIndex index = new FaqSearchIndex(indexDir);
        index.close();

        assertThatThrownBy(() -> index.search("refund", null, 5)).isInstanceOf(RuntimeException.class);
    }
}
