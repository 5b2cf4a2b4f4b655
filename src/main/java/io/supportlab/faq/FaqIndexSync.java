package io.supportlab.faq;

import io.supportlab.platform.SupportLabProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the Lucene index (in {@code <data dir>/faq-index}) in step with the {@code faqs} table:
 * each committed change is applied at once; at start, and then every half minute, the index is
 * compared with the database and repaired. That repair also picks up changes made by other
 * instances sharing a PostgreSQL database, and anything a crash between commit and index write
 * left out.
 */
@Component
class FaqIndexSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaqIndexSync.class);

    private final FaqRepository faqs;
    private final FaqSearchIndex index;

    FaqIndexSync(FaqRepository faqs, SupportLabProperties properties) {
        this.faqs = faqs;
        this.index = new FaqSearchIndex(properties.dataDir().resolve("faq-index"));
    }

    FaqSearchIndex index() {
        return index;
    }

    @TransactionalEventListener
    void changed(FaqChanged event) {
        try {
            faqs.find(event.id()).ifPresentOrElse(faq -> index.upsert(faq.indexed()), () -> index.delete(event.id()));
        } catch (RuntimeException e) {
            // The article is committed; the next reconciliation brings the index up to date.
            log.warn("Could not update the search index for FAQ {}: {}", event.id(), e.getMessage());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Map<String, Instant> expected = faqs.publishedVersions();
        if (!index.indexedVersions().equals(expected)) {
            long started = System.nanoTime();
            List<IndexedFaq> all = faqs.all().stream().map(Faq::indexed).toList();
            index.replaceAll(all);
            log.info(
                    "Rebuilt the FAQ search index ({} published articles) in {} ms",
                    expected.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Applies the differences between the database and the index; returns how many articles changed. */
    @Scheduled(
            fixedDelayString = "${supportlab.faq.index-reconcile-interval:30s}",
            initialDelayString = "${supportlab.faq.index-reconcile-interval:30s}")
    int reconcile() {
        try {
            Map<String, Instant> expected = faqs.publishedVersions();
            Map<String, Instant> indexed = index.indexedVersions();
            List<String> stale = expected.entrySet().stream()
                    .filter(e -> !e.getValue().equals(indexed.get(e.getKey())))
                    .map(Map.Entry::getKey)
                    .toList();
            List<String> gone = indexed.keySet().stream()
                    .filter(id -> !expected.containsKey(id))
                    .toList();
            faqs.findAll(stale).forEach(faq -> index.upsert(faq.indexed()));
            gone.forEach(index::delete);
            return stale.size() + gone.size();
        } catch (RuntimeException e) {
            log.warn("FAQ index reconciliation failed: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
