package io.supportlab.faq;

import java.time.Instant;

/** An FAQ article: the seed's fields (id, question, answer, category, created_at) and ours. */
public record Faq(
        String id,
        String question,
        String answer,
        String category,
        FaqStatus status,
        Instant createdAt,
        Instant updatedAt,
        long viewCount,
        long helpfulCount,
        long notHelpfulCount) {

    public boolean published() {
        return status == FaqStatus.PUBLISHED;
    }

    IndexedFaq indexed() {
        return new IndexedFaq(id, question, answer, category, published(), updatedAt);
    }
}
