package io.supportlab.experiments;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an admin can do from an experiment's own page: move it along its lifecycle, and edit it.
 *
 * @param transitions one button per allowed next status
 * @param edit the edit link's text, or null when the experiment can no longer be edited (archived)
 */
public record ExperimentActions(
        List<Transition> transitions, @Nullable String edit) {

    /**
     * @param status the status the button moves to
     * @param label the button's text, in plain words
     * @param confirm the question asked first, or null
     */
    public record Transition(
            String status, String label, @Nullable String confirm) {}

    static ExperimentActions of(Experiment experiment) {
        List<Transition> transitions = experiment.status().next().stream()
                .map(next -> new Transition(
                        next.value(),
                        switch (next) {
                            case RUNNING -> experiment.status() == ExperimentStatus.PAUSED ? "Resume" : "Start";
                            case PAUSED -> "Pause";
                            case COMPLETED -> "Complete";
                            case ARCHIVED -> "Archive";
                            case DRAFT -> "Back to draft";
                        },
                        next == ExperimentStatus.COMPLETED ? "Complete this experiment? It cannot run again." : null))
                .toList();
        String edit = switch (experiment.status()) {
            case DRAFT -> "Edit";
            case ARCHIVED -> null;
            default -> "Edit settings";
        };
        return new ExperimentActions(transitions, edit);
    }
}
