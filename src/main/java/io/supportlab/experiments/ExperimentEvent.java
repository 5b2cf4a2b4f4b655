package io.supportlab.experiments;

import java.util.List;

/**
 * What a change to an experiment raises. {@link ExperimentService} records each in the experiment's
 * change log and in the staff audit log, with who made the change.
 */
sealed interface ExperimentEvent {

    /** The key the change is recorded under: the experiment's key before the change. */
    String key();

    record Created(String key, List<Variant> variants) implements ExperimentEvent {}

    /** @param change the edit as asked for, fields left out included as null */
    record Edited(String key, ExperimentDefinition change) implements ExperimentEvent {}

    record StatusChanged(String key, ExperimentStatus from, ExperimentStatus to) implements ExperimentEvent {}
}
