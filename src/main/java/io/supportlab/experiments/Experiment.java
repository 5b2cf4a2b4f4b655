package io.supportlab.experiments;

import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.web.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An experiment with the seed's fields and SupportLab's extensions, and the rules of its lifecycle:
 * {@link #draft created} as a draft, {@link #start started}, {@link #pause paused}, {@link #complete
 * completed} and {@link #archive archived} along {@link ExperimentStatus#next()}, and {@link #edit
 * edited} fully while a draft, partly once started (changing who sees what would mix users who saw
 * different things into one result), not at all once archived. Each rule answers the changed
 * experiment with the events it raised; storing and recording them is {@link ExperimentService}'s.
 *
 * @param key unique slug, usable instead of the id in every path and the seed of the assignment hash
 * @param controlVariant the seed's field: the key of the first variant
 * @param testVariant the seed's field: the key of the second variant
 * @param variants 2 to 10 weighted variants; the first is the control
 * @param coverage share of traffic that enters the experiment (0 to 1)
 * @param targeting conditions on the attributes sent with an assignment, e.g. {@code {"country":
 *     {"$in": ["US", "CA"]}}}; null to let everyone in
 */
public record Experiment(
        String id,
        String key,
        String name,
        @Nullable String description,
        @Nullable String hypothesis,
        String controlVariant,
        String testVariant,
        String targetMetric,
        ExperimentStatus status,
        double confidenceLevel,
        int minimumSampleSize,
        @Nullable Instant startDate,
        @Nullable Instant endDate,
        long totalParticipants,
        Instant createdAt,
        Instant updatedAt,
        List<Variant> variants,
        double coverage,
        List<String> secondaryMetrics,
        @Nullable Map<String, Object> targeting,
        @Nullable Namespace namespace,
        boolean sequentialTesting,
        Correction correction,
        double minimumDetectableEffect,
        int version) {

    public Variant control() {
        return variants.getFirst();
    }

    List<Double> weights() {
        return variants.stream().map(v -> v.weight() == null ? 0.0 : v.weight()).toList();
    }

    /** The target metric first, then the secondary ones. */
    public List<String> metrics() {
        return Stream.concat(Stream.of(targetMetric), secondaryMetrics.stream())
                .distinct()
                .toList();
    }

    /**
     * A new draft as {@code input} defines it, absent fields at their defaults.
     *
     * @param keyFor the key for the experiment's cleaned name, asked once the input is valid (the
     *     caller knows which keys are taken)
     * @throws io.supportlab.platform.problems.InvalidRequestException naming every invalid field
     */
    static ExperimentChange draft(String id, ExperimentDefinition input, UnaryOperator<String> keyFor, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        if (input.targetMetric() == null || input.targetMetric().isBlank()) {
            errors.add(new FieldError("target_metric", "must not be blank"));
        }
        List<Variant> variants = ExperimentRules.variantsOf(input, errors);
        if (input.variants() == null && (input.controlVariant() == null || input.testVariant() == null)) {
            errors.add(new FieldError("variants", "give variants, or control_variant and test_variant"));
        }
        errors.addAll(ExperimentRules.checkShape(variants, input.namespace(), input.targeting()));
        ExperimentRules.throwIfAny(errors);
        variants = Weights.normalised(variants);
        String name = Text.clean(Objects.requireNonNull(input.name()));
        String key = keyFor.apply(name);
        Experiment experiment = new Experiment(
                id,
                key,
                name,
                Text.cleanOrNull(input.description()),
                Text.cleanOrNull(input.hypothesis()),
                variants.get(0).validKey(),
                variants.get(1).validKey(),
                Objects.requireNonNull(input.targetMetric()),
                ExperimentStatus.DRAFT,
                input.confidenceLevel() == null ? 0.95 : input.confidenceLevel(),
                input.minimumSampleSize() == null ? 100 : input.minimumSampleSize(),
                null,
                null,
                0,
                now,
                now,
                variants,
                input.coverage() == null ? 1.0 : input.coverage(),
                input.secondaryMetrics() == null ? List.of() : List.copyOf(input.secondaryMetrics()),
                input.targeting(),
                input.namespace(),
                Boolean.TRUE.equals(input.sequentialTesting()),
                input.correction() == null ? Correction.HOLM : input.correction(),
                input.minimumDetectableEffect() == null ? 0.1 : input.minimumDetectableEffect(),
                1);
        return ExperimentChange.of(experiment, new ExperimentEvent.Created(key, variants));
    }

    /**
     * This experiment with the fields {@code change} gives; absent fields stay. A draft may change in
     * every respect; a started one only in its description, minimum sample size, confidence,
     * coverage and analysis options; an archived one not at all. Whether a new key is free is the
     * caller's to check.
     *
     * @throws ConflictException when archived, or started and {@code change} touches a locked field
     *     (listed in {@code locked_fields})
     * @throws io.supportlab.platform.problems.InvalidRequestException naming every invalid field
     */
    ExperimentChange edit(ExperimentDefinition change, Instant now) {
        if (status == ExperimentStatus.ARCHIVED) {
            throw new ConflictException("An archived experiment cannot be edited");
        }
        if (status.started()) {
            List<String> locked = ExperimentRules.lockedFields(change, this);
            if (!locked.isEmpty()) {
                throw new ConflictException(
                        "The experiment has started: " + String.join(", ", locked) + " can no longer change",
                        Map.of("locked_fields", locked));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        List<Variant> edited = ExperimentRules.editedVariants(change, this, errors);
        Namespace newNamespace = change.namespace() != null ? change.namespace() : namespace;
        Map<String, Object> newTargeting = change.targeting() != null ? change.targeting() : targeting;
        errors.addAll(ExperimentRules.checkShape(edited, newNamespace, newTargeting));
        ExperimentRules.throwIfAny(errors);
        Builder builder = toBuilder()
                .variants(Weights.normalised(edited))
                .namespace(newNamespace)
                .targeting(newTargeting)
                .updatedAt(now);
        if (change.key() != null) {
            builder.key(change.key());
        }
        if (change.name() != null && !change.name().isBlank()) {
            builder.name(Text.clean(change.name()));
        }
        if (change.description() != null) {
            builder.description(Text.cleanOrNull(change.description()));
        }
        if (change.hypothesis() != null) {
            builder.hypothesis(Text.cleanOrNull(change.hypothesis()));
        }
        if (change.targetMetric() != null) {
            builder.targetMetric(change.targetMetric());
        }
        if (change.confidenceLevel() != null) {
            builder.confidenceLevel(change.confidenceLevel());
        }
        if (change.minimumSampleSize() != null) {
            builder.minimumSampleSize(change.minimumSampleSize());
        }
        if (change.coverage() != null) {
            builder.coverage(change.coverage());
        }
        if (change.secondaryMetrics() != null) {
            builder.secondaryMetrics(List.copyOf(change.secondaryMetrics()));
        }
        if (change.sequentialTesting() != null) {
            builder.sequentialTesting(change.sequentialTesting());
        }
        if (change.correction() != null) {
            builder.correction(change.correction());
        }
        if (change.minimumDetectableEffect() != null) {
            builder.minimumDetectableEffect(change.minimumDetectableEffect());
        }
        return ExperimentChange.of(builder.build(), new ExperimentEvent.Edited(key, change));
    }

    /** Starts a draft, or resumes a paused experiment; the first start sets the start date. */
    ExperimentChange start(Instant now) {
        return moveTo(ExperimentStatus.RUNNING, now);
    }

    /** Pauses a running experiment: it assigns nobody new but still takes events of those assigned. */
    ExperimentChange pause(Instant now) {
        return moveTo(ExperimentStatus.PAUSED, now);
    }

    /** Completes a running or paused experiment for good; sets the end date, after which no event counts. */
    ExperimentChange complete(Instant now) {
        return moveTo(ExperimentStatus.COMPLETED, now);
    }

    /** Archives a completed experiment, or a draft that will not run. */
    ExperimentChange archive(Instant now) {
        return moveTo(ExperimentStatus.ARCHIVED, now);
    }

    /**
     * Moves this experiment to {@code target} if {@link ExperimentStatus#next()} allows it; no change
     * when it is there already.
     *
     * @throws ConflictException naming the {@code current_status} and the {@code allowed} ones
     */
    ExperimentChange moveTo(ExperimentStatus target, Instant now) {
        if (status == target) {
            return ExperimentChange.none(this);
        }
        if (!status.next().contains(target)) {
            List<String> allowed =
                    status.next().stream().map(ExperimentStatus::value).toList();
            throw new ConflictException(
                    "A " + status.value() + " experiment cannot become " + target.value()
                            + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed)),
                    Map.of("current_status", status.value(), "allowed", allowed));
        }
        Builder moved = toBuilder().status(target).updatedAt(now);
        if (startDate == null && target == ExperimentStatus.RUNNING) {
            moved.startDate(now);
        }
        if (target == ExperimentStatus.COMPLETED) {
            moved.endDate(now);
        }
        return ExperimentChange.of(moved.build(), new ExperimentEvent.StatusChanged(key, status, target));
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy of an experiment with some fields changed; the id, creation, participants and version stay. */
    static final class Builder {

        private final Experiment from;
        private String key;
        private String name;
        private @Nullable String description;
        private @Nullable String hypothesis;
        private String controlVariant;
        private String testVariant;
        private String targetMetric;
        private ExperimentStatus status;
        private double confidenceLevel;
        private int minimumSampleSize;
        private @Nullable Instant startDate;
        private @Nullable Instant endDate;
        private Instant updatedAt;
        private List<Variant> variants;
        private double coverage;
        private List<String> secondaryMetrics;
        private @Nullable Map<String, Object> targeting;
        private @Nullable Namespace namespace;
        private boolean sequentialTesting;
        private Correction correction;
        private double minimumDetectableEffect;

        private Builder(Experiment from) {
            this.from = from;
            key = from.key;
            name = from.name;
            description = from.description;
            hypothesis = from.hypothesis;
            controlVariant = from.controlVariant;
            testVariant = from.testVariant;
            targetMetric = from.targetMetric;
            status = from.status;
            confidenceLevel = from.confidenceLevel;
            minimumSampleSize = from.minimumSampleSize;
            startDate = from.startDate;
            endDate = from.endDate;
            updatedAt = from.updatedAt;
            variants = from.variants;
            coverage = from.coverage;
            secondaryMetrics = from.secondaryMetrics;
            targeting = from.targeting;
            namespace = from.namespace;
            sequentialTesting = from.sequentialTesting;
            correction = from.correction;
            minimumDetectableEffect = from.minimumDetectableEffect;
        }

        Builder key(String key) {
            this.key = key;
            return this;
        }

        Builder name(String name) {
            this.name = name;
            return this;
        }

        Builder description(@Nullable String description) {
            this.description = description;
            return this;
        }

        Builder hypothesis(@Nullable String hypothesis) {
            this.hypothesis = hypothesis;
            return this;
        }

        Builder targetMetric(String targetMetric) {
            this.targetMetric = targetMetric;
            return this;
        }

        Builder status(ExperimentStatus status) {
            this.status = status;
            return this;
        }

        Builder confidenceLevel(double confidenceLevel) {
            this.confidenceLevel = confidenceLevel;
            return this;
        }

        Builder minimumSampleSize(int minimumSampleSize) {
            this.minimumSampleSize = minimumSampleSize;
            return this;
        }

        Builder startDate(@Nullable Instant startDate) {
            this.startDate = startDate;
            return this;
        }

        Builder endDate(@Nullable Instant endDate) {
            this.endDate = endDate;
            return this;
        }

        Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /** The variants, the first the control; the seed's control and test fields follow them. */
        Builder variants(List<Variant> variants) {
            this.variants = variants;
            this.controlVariant = variants.get(0).validKey();
            this.testVariant = variants.get(1).validKey();
            return this;
        }

        Builder coverage(double coverage) {
            this.coverage = coverage;
            return this;
        }

        Builder secondaryMetrics(List<String> secondaryMetrics) {
            this.secondaryMetrics = secondaryMetrics;
            return this;
        }

        Builder targeting(@Nullable Map<String, Object> targeting) {
            this.targeting = targeting;
            return this;
        }

        Builder namespace(@Nullable Namespace namespace) {
            this.namespace = namespace;
            return this;
        }

        Builder sequentialTesting(boolean sequentialTesting) {
            this.sequentialTesting = sequentialTesting;
            return this;
        }

        Builder correction(Correction correction) {
            this.correction = correction;
            return this;
        }

        Builder minimumDetectableEffect(double minimumDetectableEffect) {
            this.minimumDetectableEffect = minimumDetectableEffect;
            return this;
        }

        Experiment build() {
            return new Experiment(
                    from.id,
                    key,
                    name,
                    description,
                    hypothesis,
                    controlVariant,
                    testVariant,
                    targetMetric,
                    status,
                    confidenceLevel,
                    minimumSampleSize,
                    startDate,
                    endDate,
                    from.totalParticipants,
                    from.createdAt,
                    updatedAt,
                    variants,
                    coverage,
                    secondaryMetrics,
                    targeting,
                    namespace,
                    sequentialTesting,
                    correction,
                    minimumDetectableEffect,
                    from.version);
        }
    }
}
