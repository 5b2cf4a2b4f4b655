package io.supportlab.experiments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An experiment in the A/B Testing list, with what its buttons may do. */
public record ExperimentRow(Experiment experiment, long daysRunning, List<ExperimentStatus> actions) {

    static ExperimentRow of(Experiment e, Instant now) {
        long days = e.startDate() == null
                ? 0
                : Duration.between(e.startDate(), e.endDate() == null ? now : e.endDate())
                        .toDays();
        return new ExperimentRow(e, days, e.status().next());
    }

    /**
     * The button text for moving to {@code status}: words only, as the seed's ▶ ⏸ ✓ showed as empty
     * boxes without an emoji font.
     */
    public static String label(ExperimentStatus status) {
        return switch (status) {
            case RUNNING -> "Start";
            case PAUSED -> "Pause";
            case COMPLETED -> "Complete";
            case ARCHIVED -> "Archive";
            case DRAFT -> "Draft";
        };
    }
}
