package io.supportlab.experiments;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, editing and running experiments: loads the experiment, asks it for the change (the
 * rules are {@link Experiment}'s), stores the result and records the events it raised in the
 * experiment's change log and the staff audit log, with who made the change.
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
        Instant now = Instant.now(clock);
        ExperimentChange created = Experiment.draft(Ids.newId(), input, name -> newKey(input.key(), name), now);
        experiments.insert(created.experiment());
        cache.evict(created.experiment()); // its key may be remembered as missing
        record(created, actor, now);
        return created.experiment();
    }

    public Experiment get(String idOrKey) {
        return experiments.find(idOrKey).orElseThrow(() -> new ResourceNotFoundException("experiment", idOrKey));
    }

    public Page<Experiment> list(@Nullable ExperimentStatus status, PageRequest page) {
        return Page.of(experiments.list(status, page), page, e -> PageRequest.cursor(e.createdAt(), e.id()));
    }

    /** Edits an experiment as far as its status allows (see {@link Experiment#edit}). */
    @Transactional
    public Experiment update(String idOrKey, ExperimentDefinition change, String actor) {
        Experiment current = get(idOrKey);
        Instant now = Instant.now(clock);
        ExperimentChange edited = current.edit(change, now);
        String key = edited.experiment().key();
        if (!key.equals(current.key()) && experiments.keyTaken(key)) {
            throw taken(key);
        }
        save(edited.experiment());
        record(edited, actor, now);
        return get(current.id());
    }

    /** Moves an experiment along its lifecycle (see {@link Experiment#moveTo}). */
    @Transactional
    public Experiment changeStatus(String idOrKey, ExperimentStatus target, String actor) {
        Experiment current = get(idOrKey);
        Instant now = Instant.now(clock);
        ExperimentChange moved = current.moveTo(target, now);
        if (!moved.changed()) {
            return current;
        }
        save(moved.experiment());
        record(moved, actor, now);
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

    /** Writes what a change raised to the experiment's change log and to the staff audit log. */
    private void record(ExperimentChange change, String actor, Instant now) {
        String id = change.experiment().id();
        for (ExperimentEvent event : change.events()) {
            switch (event) {
                case ExperimentEvent.Created created -> {
                    experiments.audit(
                            id, actor, "created", Map.of("key", created.key(), "variants", created.variants()), now);
                    staffAudit.record(actor, "experiment.created", created.key(), null);
                }
                case ExperimentEvent.Edited edited -> {
                    experiments.audit(id, actor, "edited", edited.change(), now);
                    staffAudit.record(actor, "experiment.edited", edited.key(), null);
                }
                case ExperimentEvent.StatusChanged moved -> {
                    experiments.audit(
                            id,
                            actor,
                            "status",
                            Map.of(
                                    "from",
                                    moved.from().value(),
                                    "to",
                                    moved.to().value()),
                            now);
                    staffAudit.record(
                            actor,
                            "experiment.status_changed",
                            moved.key(),
                            moved.from().value() + " → " + moved.to().value());
                }
            }
        }
    }

    /** The key asked for if it is free, else one made unique from the name. */
    private String newKey(@Nullable String asked, String name) {
        if (asked == null) {
            return uniqueKey(slug(name));
        }
        if (experiments.keyTaken(asked)) {
            throw taken(asked);
        }
        return asked;
    }

    private static ConflictException taken(String key) {
        return new ConflictException("An experiment with key '" + key + "' already exists");
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
