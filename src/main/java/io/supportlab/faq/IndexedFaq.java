package io.supportlab.faq;

import java.time.Instant;
import java.util.Objects;

/**
 * What the search index needs to know about one FAQ article.
 *
 * <p>{@code updatedAt} is stored as given and handed back by {@link FaqSearchIndex#indexedVersions()}, so pass the
 * value as the database stores it (same precision) for the start-up comparison to be exact.
 */
record IndexedFaq(String id, String question, String answer, String category, boolean published, Instant updatedAt) {

    IndexedFaq {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
