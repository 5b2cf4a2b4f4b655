package io.supportlab.experiments;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import io.supportlab.platform.web.Text;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing and running experiments. Every change is written to the audit log with who made
 * it. Once an experiment has started, its variants, weights and metric are fixed: changing them
 * would mix users who saw different things into one result.
 */
@Service
public class ExperimentService {

    private final ExperimentRepository experiments;
    private final ExperimentCache cache;
    private final AuditLog staffAudit;
    private final Clock clock;

    ExperimentService(ExperimentRepository experiments, ExperimentCache cache, AuditLog staffAudit, Clock clock) {
        this.experiments = experiments;
        this.cache = cache;
        this.staffAudit = staffAudit;
        this.clock = clock;
    }

    @Transactional
    public Experiment create(ExperimentDefinition input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        if (input.targetMetric() == null || input.targetMetric().isBlank()) {
            errors.add(new FieldError("target_metric", "must not be blank"));
        }
        List<Variant> variants = variantsOf(input, errors);
        if (input.variants() == null && (input.controlVariant() == null || input.testVariant() == null)) {
            errors.add(new FieldError("variants", "give variants, or control_variant and test_variant"));
        }
        errors.addAll(checkShape(variants, input.namespace(), input.targeting()));
        throwIfAny(errors);
        variants = Weights.normalised(variants);

        Instant now = Instant.now(clock);
        String name = Text.clean(Objects.requireNonNull(input.name()));
        String key = input.key() != null ? input.key() : uniqueKey(slug(name));
        if (input.key() != null && experiments.keyTaken(key)) {
            throw new ConflictException("An experiment with key '" + key + "' already exists");
        }
        Experiment experiment = new Experiment(
                Ids.newId(),
                key,
                name,
                Text.cleanOrNull(input.description()),
                Text.cleanOrNull(input.hypothesis()),
                variants.get(0).key(),
                variants.get(1).key(),
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
        experiments.insert(experiment);
        cache.evict(experiment); // its key may be remembered as missing
        experiments.audit(experiment.id(), actor, "created", Map.of("key", key, "variants", variants), now);
        staffAudit.record(actor, "experiment.created", key, null);
        return experiment;
    }

    public Experiment get(String idOrKey) {
        return experiments.find(idOrKey).orElseThrow(() -> new ResourceNotFoundException("experiment", idOrKey));
    }

    public Page<Experiment> list(@Nullable ExperimentStatus status, PageRequest page) {
        return Page.of(experiments.list(status, page), page, e -> PageRequest.cursor(e.createdAt(), e.id()));
    }

    /**
     * Edits an experiment. A draft may change in every respect; a started one only in its
     * description, minimum sample size, confidence, coverage and analysis options.
     */
    @Transactional
    public Experiment update(String idOrKey, ExperimentDefinition change, String actor) {
        Experiment current = get(idOrKey);
        if (current.status() == ExperimentStatus.ARCHIVED) {
            throw new ConflictException("An archived experiment cannot be edited");
        }
        if (current.status().started()) {
            List<String> locked = lockedFields(change, current);
            if (!locked.isEmpty()) {
                throw new ConflictException(
                        "The experiment has started: " + String.join(", ", locked) + " can no longer change",
                        Map.of("locked_fields", locked));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        List<Variant> variants =
                change.variants() != null || change.controlVariant() != null || change.testVariant() != null
                        ? variantsOf(merge(change, current), errors)
                        : current.variants();
        Namespace namespace = change.namespace() != null ? change.namespace() : current.namespace();
        Map<String, Object> targeting = change.targeting() != null ? change.targeting() : current.targeting();
        errors.addAll(checkShape(variants, namespace, targeting));
        throwIfAny(errors);
        variants = Weights.normalised(variants);
        String key = change.key() != null ? change.key() : current.key();
        if (!key.equals(current.key()) && experiments.keyTaken(key)) {
            throw new ConflictException("An experiment with key '" + key + "' already exists");
        }
        Instant now = Instant.now(clock);
        Experiment updated = new Experiment(
                current.id(),
                key,
                change.name() == null || change.name().isBlank() ? current.name() : Text.clean(change.name()),
                change.description() == null ? current.description() : Text.cleanOrNull(change.description()),
                change.hypothesis() == null ? current.hypothesis() : Text.cleanOrNull(change.hypothesis()),
                variants.get(0).key(),
                variants.get(1).key(),
                change.targetMetric() == null ? current.targetMetric() : change.targetMetric(),
                current.status(),
                change.confidenceLevel() == null ? current.confidenceLevel() : change.confidenceLevel(),
                change.minimumSampleSize() == null ? current.minimumSampleSize() : change.minimumSampleSize(),
                current.startDate(),
                current.endDate(),
                current.totalParticipants(),
                current.createdAt(),
                now,
                variants,
                change.coverage() == null ? current.coverage() : change.coverage(),
                change.secondaryMetrics() == null ? current.secondaryMetrics() : List.copyOf(change.secondaryMetrics()),
                targeting,
                namespace,
                change.sequentialTesting() == null ? current.sequentialTesting() : change.sequentialTesting(),
                change.correction() == null ? current.correction() : change.correction(),
                change.minimumDetectableEffect() == null
                        ? current.minimumDetectableEffect()
                        : change.minimumDetectableEffect(),
                current.version());
        save(updated);
        experiments.audit(current.id(), actor, "edited", change, now);
        staffAudit.record(actor, "experiment.edited", current.key(), null);
        return get(current.id());
    }

    /** Moves an experiment along its lifecycle; the first start and the completion set the dates. */
    @Transactional
    public Experiment changeStatus(String idOrKey, ExperimentStatus target, String actor) {
        Experiment current = get(idOrKey);
        if (current.status() == target) {
            return current;
        }
        if (!current.status().next().contains(target)) {
            List<String> allowed = current.status().next().stream()
                    .map(ExperimentStatus::value)
                    .toList();
            throw new ConflictException(
                    "A " + current.status().value() + " experiment cannot become " + target.value()
                            + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed)),
                    Map.of("current_status", current.status().value(), "allowed", allowed));
        }
        Instant now = Instant.now(clock);
        Instant start = current.startDate() == null && target == ExperimentStatus.RUNNING ? now : current.startDate();
        Instant end = target == ExperimentStatus.COMPLETED ? now : current.endDate();
        save(withStatus(current, target, start, end, now));
        experiments.audit(
                current.id(), actor, "status", Map.of("from", current.status().value(), "to", target.value()), now);
        staffAudit.record(
                actor,
                "experiment.status_changed",
                current.key(),
                current.status().value() + " → " + target.value());
        return get(current.id());
    }

    public List<AuditEntry> audit(String idOrKey) {
        return experiments.audit(get(idOrKey).id());
    }

    private void save(Experiment experiment) {
        if (!experiments.update(experiment)) {
            throw new ConflictException("The experiment was changed at the same moment; reload it and try again");
        }
        cache.evict(experiment);
    }

    private static Experiment withStatus(
            Experiment e, ExperimentStatus status, @Nullable Instant start, @Nullable Instant end, Instant now) {
        return new Experiment(
                e.id(),
                e.key(),
                e.name(),
                e.description(),
                e.hypothesis(),
                e.controlVariant(),
                e.testVariant(),
                e.targetMetric(),
                status,
                e.confidenceLevel(),
                e.minimumSampleSize(),
                start,
                end,
                e.totalParticipants(),
                e.createdAt(),
                now,
                e.variants(),
                e.coverage(),
                e.secondaryMetrics(),
                e.targeting(),
                e.namespace(),
                e.sequentialTesting(),
                e.correction(),
                e.minimumDetectableEffect(),
                e.version());
    }

    private static List<String> lockedFields(ExperimentDefinition change, Experiment current) {
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

    private static ExperimentDefinition merge(ExperimentDefinition change, Experiment current) {
        if (change.variants() != null) {
            return change;
        }
        return new ExperimentDefinition(
                null,
                null,
                null,
                null,
                change.controlVariant() != null ? change.controlVariant() : current.controlVariant(),
                change.testVariant() != null ? change.testVariant() : current.testVariant(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The seed's pair is two variants at 50/50; explicit variants win. */
    private static List<Variant> variantsOf(ExperimentDefinition input, List<FieldError> errors) {
        if (input.variants() != null) {
            return input.variants();
        }
        String control = input.controlVariant() == null
                ? "control"
                : input.controlVariant().strip();
        String test = input.testVariant() == null ? "test" : input.testVariant().strip();
        if (control.isEmpty()) {
            errors.add(new FieldError("control_variant", "must not be blank"));
        }
        if (test.isEmpty()) {
            errors.add(new FieldError("test_variant", "must not be blank"));
        }
        return List.of(new Variant(control, control, 0.5), new Variant(test, test, 0.5));
    }

    private static List<FieldError> checkShape(
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

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private String uniqueKey(String base) {
        String key = base;
        for (int n = 2; experiments.keyTaken(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "experiment";
        }
        return slug.length() > 56 ? slug.substring(0, 56).replaceAll("-+$", "") : slug;
    }
}
