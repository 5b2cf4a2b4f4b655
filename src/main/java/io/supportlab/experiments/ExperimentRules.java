package io.supportlab.experiments;

import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The checks behind {@link Experiment#draft} and {@link Experiment#edit}: what a definition may say. */
final class ExperimentRules {

    private ExperimentRules() {}

    /** The seed's pair is two variants at 50/50; explicit variants win. */
    static List<Variant> variantsOf(ExperimentDefinition input, List<FieldError> errors) {
        if (input.variants() != null) {
            return input.variants();
        }
        return pair(input.controlVariant(), input.testVariant(), errors);
    }

    /** The variants an edit asks for: its own list, or the seed's pair with the current keys filled in. */
    static List<Variant> editedVariants(ExperimentDefinition change, Experiment current, List<FieldError> errors) {
        if (change.variants() != null) {
            return change.variants();
        }
        if (change.controlVariant() == null && change.testVariant() == null) {
            return current.variants();
        }
        return pair(
                change.controlVariant() != null ? change.controlVariant() : current.controlVariant(),
                change.testVariant() != null ? change.testVariant() : current.testVariant(),
                errors);
    }

    private static List<Variant> pair(@Nullable String controlKey, @Nullable String testKey, List<FieldError> errors) {
        String control = controlKey == null ? "control" : controlKey.strip();
        String test = testKey == null ? "test" : testKey.strip();
        if (control.isEmpty()) {
            errors.add(new FieldError("control_variant", "must not be blank"));
        }
        if (test.isEmpty()) {
            errors.add(new FieldError("test_variant", "must not be blank"));
        }
        return List.of(new Variant(control, control, 0.5), new Variant(test, test, 0.5));
    }

    static List<FieldError> checkShape(
            List<Variant> variants, @Nullable Namespace namespace, @Nullable Map<String, Object> targeting) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            String key = variants.get(i).key();
            if (key != null && !keys.add(key)) {
                errors.add(new FieldError("variants[" + i + "].key", "duplicates another variant's key '" + key + "'"));
            }
        }
        if (!Weights.acceptable(variants)) {
            errors.add(new FieldError("variants", Weights.problem(variants)));
        }
        if (namespace != null
                && namespace.start() != null
                && namespace.end() != null
                && namespace.start() >= namespace.end()) {
            errors.add(new FieldError("namespace.end", "must be greater than namespace.start"));
        }
        Targeting.problems(targeting).forEach(problem -> errors.add(new FieldError("targeting", problem)));
        return errors;
    }

    /** What a started experiment may no longer change: the fields that decide who sees what, and its metric. */
    static List<String> lockedFields(ExperimentDefinition change, Experiment current) {
        List<String> locked = new ArrayList<>();
        if (change.variants() != null && !change.variants().equals(current.variants())) {
            locked.add("variants");
        }
        if (change.controlVariant() != null && !change.controlVariant().equals(current.controlVariant())) {
            locked.add("control_variant");
        }
        if (change.testVariant() != null && !change.testVariant().equals(current.testVariant())) {
            locked.add("test_variant");
        }
        if (change.targetMetric() != null && !change.targetMetric().equals(current.targetMetric())) {
            locked.add("target_metric");
        }
        if (change.key() != null && !change.key().equals(current.key())) {
            locked.add("key");
        }
        if (change.namespace() != null && !change.namespace().equals(current.namespace())) {
            locked.add("namespace");
        }
        return locked;
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
