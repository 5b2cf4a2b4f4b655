package io.supportlab.faq;

import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.live.LiveUpdates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the Lucene index (in {@code <data dir>/faq-index}) in step with the {@code faqs} table:
 * each committed change is applied at once, here and, through a live-updates notice, on every
 * other instance sharing the PostgreSQL database (each keeps its own index). At start, and then
 * every half minute, the index is compared with the database and repaired: that picks up a notice
 * an instance missed and anything a crash between commit and index write left out.
 */
@Component
class FaqIndexSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaqIndexSync.class);

    /** The live-updates channel on which instances announce a changed article. */
    static final String CHANGES = "faq-index";

    private static final String CHANGED = "changed";

    private final FaqRepository faqs;
    private final FaqSearchIndex index;
    private final LiveUpdates live;
    /** Tells this instance's own notices from the others', which it has applied already. */
    private final String instance = UUID.randomUUID().toString();

    FaqIndexSync(FaqRepository faqs, SupportLabProperties properties, LiveUpdates live) {
        this.faqs = faqs;
        this.index = new FaqSearchIndex(properties.dataDir().resolve("faq-index"));
        this.live = live;
        live.listen(CHANGES, (event, data) -> {
            String[] fromAndId = data.split(" ", 2);
            if (event.equals(CHANGED) && fromAndId.length == 2 && !fromAndId[0].equals(instance)) {
                apply(fromAndId[1]);
            }
        });
    }

    FaqSearchIndex index() {
        return index;
    }

    @TransactionalEventListener
    void changed(FaqChanged event) {
        apply(event.id());
        try {
            live.signal(CHANGES, CHANGED, instance + " " + event.id());
        } catch (RuntimeException e) {
            log.warn("Could not tell other instances that FAQ {} changed: {}", event.id(), e.getMessage());
        }
    }

    /** Indexes the article as the database has it now, or removes it. */
    private void apply(String id) {
        try {
            faqs.find(id).ifPresentOrElse(faq -> index.upsert(faq.indexed()), () -> index.delete(id));
        } catch (RuntimeException e) {
            // The article is committed; the next reconciliation brings the index up to date.
            log.warn("Could not update the search index for FAQ {}: {}", id, e.getMessage());
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

    /**
     * Brings the index up to date first if it has fallen behind the database (a notice of another
     * instance not heard yet), and answers whether that changed anything. A search that found
     * nothing is asked again after it either way, before it is counted as a content gap: the
     * notice may also have arrived between that search and this check. The check reads
     * the count and newest version of the published articles, one indexed aggregate; any publish,
     * edit, unpublish or delete changes one of the two.
     */
    boolean caughtUp() {
        Map<String, Instant> indexed = index.indexedVersions();
        FaqRepository.Versions published = faqs.publishedVersionSummary();
        boolean inStep = published.count() == indexed.size()
                && indexed.values().stream().max(Instant::compareTo).equals(published.newest());
        return !inStep && reconcile() > 0;
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
