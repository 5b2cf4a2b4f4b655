package io.supportlab.experiments;

import java.util.List;

/**
 * An experiment after one of its rules allowed a change, with the events the change raised; no
 * events when nothing changed (e.g. asking a running experiment to run).
 */
record ExperimentChange(Experiment experiment, List<ExperimentEvent> events) {

    static ExperimentChange none(Experiment unchanged) {
        return new ExperimentChange(unchanged, List.of());
    }

    static ExperimentChange of(Experiment changed, ExperimentEvent event) {
        return new ExperimentChange(changed, List.of(event));
    }

    boolean changed() {
        return !events.isEmpty();
    }
}
