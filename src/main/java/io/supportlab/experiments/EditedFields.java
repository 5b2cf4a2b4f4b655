package io.supportlab.experiments;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an edit in the form really changes. The form sends every field; the change keeps only those
 * that differ from the experiment, so the audit log (and the "Changes" list) says what was changed
 * rather than repeating the whole experiment.
 */
final class EditedFields {

    private EditedFields() {}

    /** The change without the fields that equal the experiment's; null when nothing changes. */
    static @Nullable ExperimentDefinition of(ExperimentDefinition change, Experiment current) {
        ExperimentDefinition changed = new ExperimentDefinition(
                differs(change.name(), current.name()),
                differs(change.key(), current.key()),
                text(change.description(), current.description()),
                text(change.hypothesis(), current.hypothesis()),
                null,
                null,
                change.variants() == null || sameVariants(change.variants(), current.variants())
                        ? null
                        : change.variants(),
                differs(change.targetMetric(), current.targetMetric()),
                differs(change.secondaryMetrics(), current.secondaryMetrics()),
                differs(change.confidenceLevel(), current.confidenceLevel()),
                differs(change.minimumSampleSize(), current.minimumSampleSize()),
                differs(change.coverage(), current.coverage()),
                differs(change.targeting(), current.targeting()),
                null,
                differs(change.sequentialTesting(), current.sequentialTesting()),
                differs(change.correction(), current.correction()),
                differs(change.minimumDetectableEffect(), current.minimumDetectableEffect()));
        return changed.equals(new ExperimentDefinition(
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null))
                ? null
                : changed;
    }

    private static <T> @Nullable T differs(@Nullable T value, @Nullable Object current) {
        return value == null || Objects.equals(value, current) ? null : value;
    }

    /** Same keys and names, and weights equal once scaled as the service scales them. */
    private static boolean sameVariants(List<Variant> edited, List<Variant> current) {
        if (!Weights.acceptable(edited) || edited.size() != current.size()) {
            return false;
        }
        List<Variant> scaled = Weights.normalised(edited);
        for (int i = 0; i < scaled.size(); i++) {
            Variant a = scaled.get(i);
            Variant b = current.get(i);
            if (!Objects.equals(a.key(), b.key())
                    || !Objects.equals(a.name(), b.name())
                    || a.weight() == null
                    || b.weight() == null
                    || Math.abs(a.weight() - b.weight()) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** An emptied text is a change (it clears the field); an unchanged one is not. */
    private static @Nullable String text(@Nullable String edited, @Nullable String current) {
        if (edited == null) {
            return null;
        }
        String value = edited.isBlank() ? null : edited.strip();
        return Objects.equals(value, current) ? null : edited;
    }
}
