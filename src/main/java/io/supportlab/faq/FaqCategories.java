package io.supportlab.faq;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supportlab.platform.persistence.DerivedDataCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The categories with their counts of published articles, which the help center, every article
 * page and the FAQ Management tab show. Counting means a join over all articles, too much for
 * every page view, so the answer is kept: dropped as soon as a change on this instance commits,
 * and refreshed within {@link #TIME_TO_LIVE} after a change made by another instance.
 */
@Component
class FaqCategories implements DerivedDataCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    /** A category was added; the cached lists lack it once the addition commits. */
    record Added(String slug) {}

    private final FaqRepository faqs;
    private final Cache<String, List<?>> lists =
            Caffeine.newBuilder().expireAfterWrite(TIME_TO_LIVE).build();

    FaqCategories(FaqRepository faqs) {
        this.faqs = faqs;
    }

    @SuppressWarnings("unchecked")
    List<Category> withCounts() {
        return (List<Category>) lists.get("categories", key -> List.copyOf(faqs.categories()));
    }

    /** The seed's {@code [{"category": ..., "count": ...}]}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> stats() {
        return (List<Map<String, Object>>) lists.get("stats", key -> List.copyOf(faqs.categoryStats()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void faqChanged(FaqChanged event) {
        invalidateAll();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void categoryAdded(Added event) {
        invalidateAll();
    }

    @Override
    public void invalidateAll() {
        lists.invalidateAll();
    }
}
