package io.supportlab.faq;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The article list of the FAQ Management tab: search results (with highlights) or the newest
 * articles, with the filters that produced them.
 */
public record FaqListView(
        List<FaqHit> items,
        @Nullable String search,
        @Nullable String category,
        String status,
        List<Category> categories) {

    public boolean searching() {
        return search != null && !search.isBlank();
    }
}
