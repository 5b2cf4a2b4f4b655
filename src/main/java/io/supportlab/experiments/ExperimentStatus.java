package io.supportlab.experiments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** {@code draft → running ⇄ paused → completed → archived}; a draft can also be archived. */
public enum ExperimentStatus {
    DRAFT,
    RUNNING,
    PAUSED,
    COMPLETED,
    ARCHIVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<ExperimentStatus> next() {
        return switch (this) {
            case DRAFT -> List.of(RUNNING, ARCHIVED);
            case RUNNING -> List.of(PAUSED, COMPLETED);
            case PAUSED -> List.of(RUNNING, COMPLETED);
            case COMPLETED -> List.of(ARCHIVED);
            case ARCHIVED -> List.of();
        };
    }

    public boolean started() {
        return this != DRAFT;
    }

    /** Whether events are accepted: from the start until the experiment is completed. */
    boolean acceptsEvents() {
        return this == RUNNING || this == PAUSED;
    }

    static ExperimentStatus fromValue(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
