package io.supportlab.platform;

import java.time.Duration;

/**
 * Runs the scheduled jobs that must happen once per cluster rather than once per instance (digests,
 * results, retention deletes): every instance's scheduler fires, and only the one that takes the
 * job's lock runs it. On PostgreSQL the lock is a row of {@code cluster_job_locks} (ShedLock's JDBC
 * provider, timed by the database's clock, so instances' clocks need not agree); on SQLite there is
 * one instance and the job simply runs.
 *
 * <p>Jobs whose work is split by claims (the outbox, access-link requests) or that keep something
 * of the instance itself up to date (its search index copy, its search log buffer) are not cluster
 * jobs: every instance runs those.
 */
public interface ClusterJobs {

    /**
     * Runs {@code work} unless another instance holds {@code job}'s lock; answers whether it ran.
     * An exception of {@code work} is passed on, after the lock is released.
     */
    boolean runOnce(Job job, Runnable work);

    /**
     * A job's lock: its name, how long a crashed holder keeps others out at most, and how long a
     * finished run keeps others from running it again (so that instances whose timers fire at
     * other moments do not each run it once per interval).
     */
    record Job(String name, Duration lockAtMostFor, Duration lockAtLeastFor) {

        public Job {
            if (name.isBlank() || name.length() > 64) {
                throw new IllegalArgumentException("A job's name has 1 to 64 characters: " + name);
            }
            if (lockAtLeastFor.isNegative() || lockAtMostFor.compareTo(lockAtLeastFor) < 0) {
                throw new IllegalArgumentException("Job " + name + " needs 0 <= lock-at-least (" + lockAtLeastFor
                        + ") <= lock-at-most (" + lockAtMostFor + ")");
            }
        }

        /**
         * A job its instances schedule every {@code interval} that may take up to {@code longestRun}:
         * a run keeps the others out for most of an interval, so the cluster runs it about once per
         * interval, and a holder that died frees it after its longest run.
         */
        public static Job every(String name, Duration interval, Duration longestRun) {
            Duration atLeast = interval.multipliedBy(4).dividedBy(5);
            return new Job(name, longestRun.compareTo(atLeast) < 0 ? atLeast : longestRun, atLeast);
        }
    }
}
