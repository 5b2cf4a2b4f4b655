package io.supportlab.faq;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The realistic knowledge base ({@link HelpDeskFaqs}), indexed once for the test class, read only by its tests. */
abstract class KnowledgeBaseSearchTest {

    @TempDir
    static Path indexDir;

    static FaqSearchIndex index;

    @BeforeAll
    static void indexKnowledgeBase() {
        index = new FaqSearchIndex(indexDir);
        index.replaceAll(HelpDeskFaqs.ALL);
    }

    @AfterAll
    static void closeIndex() {
        index.close();
    }

    /** The ids of the first ten hits for {@code query}, best first. */
    static List<String> ids(String query) {
        return index.search(query, null, 10).stream().map(SearchHit::id).toList();
    }
}
