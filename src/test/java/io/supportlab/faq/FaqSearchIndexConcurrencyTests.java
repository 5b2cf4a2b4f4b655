package io.supportlab.faq;

import static io.supportlab.faq.HelpDeskFaqs.faq;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Many threads for seconds on end: left to ./mvnw verify.
@Tag("slow")
class FaqSearchIndexConcurrencyTests {

    static final int READERS = 4;
    static final int WRITES = 30;

    @TempDir
    Path indexDir;

    @Test
    void searchesDuringWritesNeitherFailNorSeeHalfAReplacement() throws Exception {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readersStarted = new CountDownLatch(READERS);
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try (FaqSearchIndex index = new FaqSearchIndex(indexDir)) {
            index.replaceAll(HelpDeskFaqs.ALL);
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add(pool.submit(() -> {
                    readersStarted.countDown();
                    while (writing.get()) {
                        try {
                            index.search("reset pasword", null, 5);
                            index.suggest("I was charged twice and want a refund", 3);
                            // replaceAll swaps the whole set at once: never an empty or partial index
                            assertThat(index.count()).isGreaterThanOrEqualTo(HelpDeskFaqs.ALL.size());
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            readersStarted.await(10, TimeUnit.SECONDS);

            for (int i = 0; i < WRITES; i++) {
                switch (i % 3) {
                    case 0 -> index.upsert(faq("new-" + i, "Temporary article " + i, "About refunds.", "billing"));
                    case 1 -> index.delete("new-" + (i - 1));
                    default -> index.replaceAll(HelpDeskFaqs.ALL);
                }
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }

            assertThat(failures).isEmpty();
            assertThat(index.count()).isEqualTo(HelpDeskFaqs.ALL.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FaqSearchIndex index = new FaqSearchIndex(indexDir)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                writers.add(pool.submit(() -> index.upsert(faq("a-" + n, "Article " + n, "Body " + n, "general"))));
            }
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }

            assertThat(index.count()).isEqualTo(40);
            assertThat(index.search("article", null, 100)).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
