package io.supportlab.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The batching, failure isolation and shutdown of {@link GroupCommit}, without a database. */
class GroupCommitTests {

    /** Counts transactions; a writer that throws rolls its transaction back. */
    static class CountingTransactions extends AbstractPlatformTransactionManager {
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks.incrementAndGet();
        }
    }

    final CountingTransactions transactions = new CountingTransactions();
    final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer, String> commit;

    @AfterEach
    void close() {
        if (commit != null) {
            commit.close();
        }
    }

    @Test
    void writesWhatQueuedDuringACommitAsOneBatchAndAnswersEachCaller() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        commit = new GroupCommit<>("test-writer", new TransactionTemplate(transactions), 100, items -> {
            batches.add(List.copyOf(items));
            if (items.contains(0)) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return items.stream().map(i -> "stored " + i).toList();
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = callers.submit(() -> commit.submit(0));
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                int item = i;
                others.add(callers.submit(() -> commit.submit(item)));
            }
            waitUntilQueued(50);
            releaseFirst.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("stored 0");
            for (int i = 0; i < others.size(); i++) {
                assertThat(others.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("stored " + (i + 1));
            }
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(50);
        assertThat(transactions.commits.get()).isEqualTo(2);
    }

    @Test
    void batchesAreCappedAtTheirMaximumSize() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        commit = new GroupCommit<>("test-writer", new TransactionTemplate(transactions), 10, items -> {
            batches.add(List.copyOf(items));
            if (items.contains(0)) {
                await(releaseFirst);
            }
            return items.stream().map(String::valueOf).toList();
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            results.add(callers.submit(() -> commit.submit(0)));
            waitUntilBatches(1);
            for (int i = 1; i <= 25; i++) {
                int item = i;
                results.add(callers.submit(() -> commit.submit(item)));
            }
            waitUntilQueued(25);
            releaseFirst.countDown();
            for (Future<String> result : results) {
                result.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(batches.stream().mapToInt(List::size).max().orElseThrow()).isEqualTo(10);
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(26);
    }

    @Test
    void aRowThatFailsFailsOnlyItsOwnCaller() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        commit = new GroupCommit<>("test-writer", new TransactionTemplate(transactions), 100, items -> {
            batches.add(List.copyOf(items));
            if (items.contains(0)) {
                await(releaseFirst);
            }
            if (items.contains(13)) {
                throw new DataIntegrityViolationException("13 breaks a constraint");
            }
            return items.stream().map(String::valueOf).toList();
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = callers.submit(() -> commit.submit(0));
            waitUntilBatches(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 10; i < 20; i++) {
                int item = i;
                results.add(callers.submit(() -> commit.submit(item)));
            }
            waitUntilQueued(10);
            releaseFirst.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (int i = 0; i < results.size(); i++) {
                int item = 10 + i;
                if (item == 13) {
                    assertThatThrownBy(() -> results.get(3).get(5, TimeUnit.SECONDS))
                            .hasCauseInstanceOf(DataIntegrityViolationException.class);
                } else {
                    assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(String.valueOf(item));
                }
            }
        }
        // The batch of ten rolled back, then each row was written alone.
        assertThat(batches.get(1)).hasSize(10);
        assertThat(batches.subList(2, batches.size()))
                .hasSize(10)
                .allSatisfy(batch -> assertThat(batch).hasSize(1));
        assertThat(transactions.rollbacks.get()).isEqualTo(2);
    }

    @Test
    void anUnreachableDatabaseFailsTheWholeBatchWithoutRetryingEachRow() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        commit = new GroupCommit<>("test-writer", new TransactionTemplate(transactions), 100, items -> {
            batches.add(List.copyOf(items));
            if (items.contains(0)) {
                await(releaseFirst);
                return List.of("0");
            }
            attempts.incrementAndGet();
            throw new CannotGetJdbcConnectionException("Connection refused");
        });
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = callers.submit(() -> commit.submit(0));
            waitUntilBatches(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                results.add(callers.submit(() -> commit.submit(item)));
            }
            waitUntilQueued(5);
            releaseFirst.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (Future<String> result : results) {
                assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(CannotGetJdbcConnectionException.class);
            }
        }
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void insideATransactionTheRowIsWrittenInThatTransactionOnTheCallersThread() {
        List<String> writerThreads = Collections.synchronizedList(new ArrayList<>());
        commit = new GroupCommit<>("test-writer", new TransactionTemplate(transactions), 100, items -> {
            writerThreads.add(Thread.currentThread().getName());
            return items.stream().map(String::valueOf).toList();
        });
        String caller = Thread.currentThread().getName();
        String result = new TransactionTemplate(transactions).execute(status -> commit.submit(7));
        assertThat(result).isEqualTo("7");
        assertThat(writerThreads).containsExactly(caller);
        assertThat(transactions.commits.get()).isEqualTo(1);
    }

    @Test
    void afterCloseNothingIsAccepted() {
        commit = new GroupCommit<>(
                "test-writer",
                new TransactionTemplate(transactions),
                100,
                items -> items.stream().map(String::valueOf).toList());
        assertThat(commit.submit(1)).isEqualTo("1");
        commit.close();
        assertThatThrownBy(() -> commit.submit(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down");
    }

    private void waitUntilQueued(int expected) {
        // The callers are parked in submit() once the writer's queue holds them all.
        Awaitility.await()
                .pollInterval(Duration.ofMillis(5))
                .atMost(Duration.ofSeconds(5))
                .until(() -> commit.queued() >= expected);
        assertThat(commit.queued()).isEqualTo(expected);
    }

    private void waitUntilBatches(int expected) {
        Awaitility.await()
                .pollInterval(Duration.ofMillis(5))
                .atMost(Duration.ofSeconds(5))
                .until(() -> batches.size() >= expected);
        assertThat(batches).hasSize(expected);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
