package io.supportlab.experiments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes the raw events of experiments archived longer ago than {@code
 * supportlab.experiments.archived-event-retention} (not set: never). Assignments and the stored
 * results stay, and the results are stored first if they never were; afterwards the experiment's
 * results are not recalculated, as they would count only what is left. Events go in chunks of
 * {@value #CHUNK}, each its own statement, so the job never holds SQLite's write lock for long.
 */
@Component
class ArchivedEventRetention {

    private static final Logger log = LoggerFactory.getLogger(ArchivedEventRetention.class);

    static final int CHUNK = 2000;

    private final ExperimentRepository experiments;
    private final EventRepository events;
    private final ResultsService results;
    private final ExperimentsProperties properties;
    private final Clock clock;

    ArchivedEventRetention(
            ExperimentRepository experiments,
            EventRepository events,
            ResultsService results,
            ExperimentsProperties properties,
            Clock clock) {
        this.experiments = experiments;
        this.events = events;
        this.results = results;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes what is due now (scheduled by {@link ExperimentJobs}). */
    void deleteExpiredNow() {
        try {
            deleteExpired(Instant.now(clock));
        } catch (RuntimeException e) {
            log.warn("Deleting the raw events of archived experiments failed: {}", e.getMessage());
        }
    }

    /** Deletes the raw events of experiments archived more than the retention before {@code now}; how many. */
    long deleteExpired(Instant now) {
        return deleteExpired(now, CHUNK);
    }

    long deleteExpired(Instant now, int chunk) {
        Duration retention = properties.archivedEventRetention();
        if (retention == null) {
            return 0;
        }
        long deleted = 0;
        for (String id : experiments.archivedWithEventsBefore(now.minus(retention))) {
            results.get(id); // calculates and stores them if that never happened
            long ofExperiment = 0;
            for (int n = chunk; n == chunk; ) {
                n = events.deleteSomeOf(id, chunk);
                ofExperiment += n;
            }
            experiments.markEventsDeleted(id, now);
            log.info("Deleted {} raw events of experiment {}, archived more than {} ago", ofExperiment, id, retention);
            deleted += ofExperiment;
        }
        return deleted;
    }
}
