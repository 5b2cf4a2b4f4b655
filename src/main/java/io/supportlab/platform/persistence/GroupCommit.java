package io.supportlab.platform.persistence;

import io.supportlab.platform.problems.DatabaseFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for small, hot writes (experiment assignments and events). Request threads hand in
 * one row each and wait; a single writer thread stores everything that queued up meanwhile in one
 * transaction, then wakes them. A commit (an fsync on both databases) is the expensive part of such
 * a write, so under load one commit serves many requests, and when traffic is light a row is
 * written at once: the batch is whatever arrived while the previous one was being committed, with
 * no timer in between.
 *
 * <p>Durability is unchanged: {@link #submit} returns only after the row's transaction committed,
 * and throws when it failed, so nothing is acknowledged that is not stored. One bad row cannot fail
 * its neighbours: a batch that fails for a reason other than an unreachable database is retried
 * row by row, and only the failing row's caller gets the exception.
 *
 * @param <T> what a caller hands in (one row)
 * @param <R> what the caller gets back for it
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Pending<T, R>(T item, CompletableFuture<R> result) {}

    private final Function<List<T>, List<R>> writer;
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param writer stores the rows it is given (in the transaction it runs in) and returns one
     *     result per row, in order
     */
    public GroupCommit(String name, TransactionTemplate transactions, int maxBatch, Function<List<T>, List<R>> writer) {
        this.writer = writer;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /**
     * Stores {@code item} and returns its result once committed. Inside a transaction the row is
     * written in that transaction instead, so it commits or rolls back with the caller's other
     * changes (and, on SQLite, the writer thread is not left waiting for the caller's lock).
     */
    public R submit(T item) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return writer.apply(List.of(item)).getFirst();
        }
        if (closed) {
            throw new IllegalStateException(thread.getName() + " is shut down");
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        queue.add(new Pending<>(item, result));
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void run() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        failRemaining();
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            List<R> results = transactions.execute(status -> writer.apply(items(batch)));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1 || DatabaseFailures.isUnavailable(e)) {
                // An unreachable database fails every row alike; retrying each would only multiply the wait.
                batch.forEach(pending -> pending.result().completeExceptionally(e));
                return;
            }
            log.debug("A batch of {} rows failed; writing them one by one", batch.size(), e);
            for (Pending<T, R> pending : batch) {
                write(List.of(pending));
            }
        }
    }

    private static <T, R> List<T> items(List<Pending<T, R>> batch) {
        List<T> items = new ArrayList<>(batch.size());
        for (Pending<T, R> pending : batch) {
            items.add(pending.item());
        }
        return items;
    }

    private void failRemaining() {
        Pending<T, R> pending;
        while ((pending = queue.poll()) != null) {
            pending.result().completeExceptionally(new IllegalStateException(thread.getName() + " is shut down"));
        }
    }

    /** Rows waiting for the writer. */
    int queued() {
        return queue.size();
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failRemaining();
    }
}
