package io.supportlab.faq;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A search index of its own, empty, in a temporary directory for each test. */
abstract class SearchIndexTest {

    @TempDir
    Path indexDir;

    FaqSearchIndex index;

    @BeforeEach
    void openIndex() {
        index = new FaqSearchIndex(indexDir);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    /** The ids of the first ten hits, best first. */
    List<String> ids(String query) {
        return index.search(query, null, 10).stream().map(SearchHit::id).toList();
    }
}
