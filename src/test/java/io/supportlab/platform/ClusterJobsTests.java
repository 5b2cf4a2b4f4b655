package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cluster job runs on one instance at a time. On PostgreSQL two instances are two lock holders
 * (as two processes would be, each with its own name) on one database; on SQLite, the single
 * instance runs every job it is given.
 */
class ClusterJobsTests {

    static final Duration LONG = Duration.ofMinutes(10);

    @Nested
    class OnSqlite extends IntegrationTest {

        @Autowired
        ClusterJobs jobs;

        @Test
        void theOnlyInstanceRunsEveryTime() {
            AtomicInteger runs = new AtomicInteger();
            ClusterJobs.Job job = new ClusterJobs.Job("sqlite-job", LONG, LONG);

            assertThat(jobs.runOnce(job, runs::incrementAndGet)).isTrue();
            assertThat(jobs.runOnce(job, runs::incrementAndGet)).isTrue();
            assertThat(runs).hasValue(2);
        }
    }

    @Nested
    @UsePostgres
    class OnPostgres extends IntegrationTest {

        @Autowired
        DataSource dataSource;

        @Autowired
        ClusterJobs applicationJobs;

        ClusterJobs first;
        ClusterJobs second;

        @BeforeEach
        void twoInstances() {
            jdbc.sql("DELETE FROM " + ClusterJobsConfiguration.TABLE).update();
            first = new ClusterJobsConfiguration.LockedJobs(dataSource, "instance one");
            second = new ClusterJobsConfiguration.LockedJobs(dataSource, "instance two");
        }

        @Test
        void whileOneInstanceRunsAJobTheOtherSkipsIt() throws Exception {
            ClusterJobs.Job job = new ClusterJobs.Job("busy-job", LONG, Duration.ZERO);
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Boolean> firstRun = CompletableFuture.supplyAsync(() -> first.runOnce(job, () -> {
                running.countDown();
                await(finish);
            }));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(lockedBy("busy-job")).isEqualTo("instance one");

            AtomicInteger secondRuns = new AtomicInteger();
            assertThat(second.runOnce(job, secondRuns::incrementAndGet)).isFalse();
            assertThat(secondRuns).hasValue(0);

            finish.countDown();
            assertThat(firstRun.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.runOnce(job, secondRuns::incrementAndGet))
                    .as("free again once the first run ended (no minimum hold)")
                    .isTrue();
            assertThat(secondRuns).hasValue(1);
        }

        @Test
        void aFinishedRunKeepsTheOthersOutForItsMinimumHold() {
            ClusterJobs.Job job = new ClusterJobs.Job("held-job", LONG, LONG);
            AtomicInteger runs = new AtomicInteger();

            assertThat(first.runOnce(job, runs::incrementAndGet)).isTrue();
            assertThat(second.runOnce(job, runs::incrementAndGet)).isFalse();
            assertThat(first.runOnce(job, runs::incrementAndGet))
                    .as("the holder too: the cluster runs it once per hold")
                    .isFalse();
            assertThat(runs).hasValue(1);

            AtomicInteger other = new AtomicInteger();
            assertThat(second.runOnce(new ClusterJobs.Job("other-job", LONG, LONG), other::incrementAndGet))
                    .as("other jobs have their own locks")
                    .isTrue();
            assertThat(other).hasValue(1);
        }

        @Test
        void aFailingRunPassesItsExceptionOnAndFreesTheJob() {
            ClusterJobs.Job job = new ClusterJobs.Job("failing-job", LONG, Duration.ZERO);

            assertThatThrownBy(() -> first.runOnce(job, () -> {
                        throw new IllegalStateException("database gone");
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("database gone");
            AtomicInteger runs = new AtomicInteger();
            assertThat(second.runOnce(job, runs::incrementAndGet)).isTrue();
            assertThat(runs).hasValue(1);
        }

        @Test
        void theApplicationsJobsUseTheSameTable() {
            // The context's own bean is a third holder on the same rows.
            assertThat(first.runOnce(new ClusterJobs.Job("shared-job", LONG, LONG), () -> {}))
                    .isTrue();
            assertThat(applicationJobs.runOnce(new ClusterJobs.Job("shared-job", LONG, LONG), () -> {}))
                    .isFalse();
        }

        String lockedBy(String name) {
            return jdbc.sql("SELECT locked_by FROM " + ClusterJobsConfiguration.TABLE + " WHERE name = :name")
                    .param("name", name)
                    .query(String.class)
                    .single();
        }

        static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aJobEveryIntervalHoldsForMostOfItAndAtLeastItsLongestRun() {
        ClusterJobs.Job job = ClusterJobs.Job.every("results", Duration.ofMinutes(5), Duration.ofMinutes(30));
        assertThat(job.lockAtLeastFor()).isEqualTo(Duration.ofMinutes(4));
        assertThat(job.lockAtMostFor()).isEqualTo(Duration.ofMinutes(30));
        assertThat(ClusterJobs.Job.every("often", Duration.ofHours(1), Duration.ofMinutes(1))
                        .lockAtMostFor())
                .as("never less than the minimum hold")
                .isEqualTo(Duration.ofMinutes(48));
        assertThatThrownBy(() -> new ClusterJobs.Job("x", Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
