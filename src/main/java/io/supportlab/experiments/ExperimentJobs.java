package io.supportlab.experiments;

import io.supportlab.platform.ClusterJobs;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When the experiments' background work runs: once per cluster, whatever the number of instances. */
@Component
class ExperimentJobs {

    static final Duration RETENTION_INTERVAL = Duration.ofHours(1);

    private final ClusterJobs jobs;
    private final ResultsService results;
    private final ArchivedEventRetention retention;
    private final ClusterJobs.Job recalculation;
    private final ClusterJobs.Job deletion =
            ClusterJobs.Job.every("experiments-archived-event-retention", RETENTION_INTERVAL, Duration.ofHours(1));

    ExperimentJobs(
            ClusterJobs jobs,
            ResultsService results,
            ArchivedEventRetention retention,
            @Value("${supportlab.experiments.results-interval:5m}") Duration resultsInterval) {
        this.jobs = jobs;
        this.results = results;
        this.retention = retention;
        // A recalculation of many large experiments may take minutes; past that a dead holder frees it.
        this.recalculation = ClusterJobs.Job.every("experiments-results", resultsInterval, Duration.ofMinutes(30));
    }

    @Scheduled(
            fixedDelayString = "${supportlab.experiments.results-interval:5m}",
            initialDelayString = "${supportlab.experiments.results-interval:5m}")
    void recalculateResults() {
        jobs.runOnce(recalculation, results::recalculateRunning);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void deleteArchivedEvents() {
        jobs.runOnce(deletion, retention::deleteExpiredNow);
    }
}
