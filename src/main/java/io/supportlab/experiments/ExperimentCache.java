package io.supportlab.experiments;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supportlab.platform.live.LiveUpdates;
import io.supportlab.platform.persistence.DerivedDataCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Experiment definitions for the assignment and event paths, which must not read the database on
 * every call. A change takes effect at once on this instance and, through a live-updates notice
 * after its commit, on every other instance sharing the PostgreSQL database (as soon as the notice
 * arrives; {@link #TIME_TO_LIVE} bounds how stale a missed notice can leave it).
 *
 * <p>Ids and keys that name no experiment are remembered as missing for as long, so that anyone
 * sending made-up keys to the public endpoints costs no database time after the first lookup. That
 * memory is bounded by the total length of the remembered names (a key can be as long as a request
 * allows), not by their number.
 */
@Component
class ExperimentCache implements DerivedDataCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    /** The live-updates channel on which instances tell each other that an experiment changed. */
    static final String CHANGES = "experiment-settings";

    private static final String CHANGED = "changed";

    /** Characters of unknown ids and keys remembered at most (about 2 MB of strings). */
    static final long MAX_MISSING_CHARS = 1_000_000;

    private record Entry(Experiment experiment, Instant loadedAt) {}

    private record Running(List<Experiment> experiments, Instant loadedAt) {}

    private final ExperimentRepository experiments;
    private final Clock clock;
    private final LiveUpdates live;
    private final Map<String, Entry> byIdOrKey = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> missing = Caffeine.newBuilder()
            .maximumWeight(MAX_MISSING_CHARS)
            .<String, Boolean>weigher((name, present) -> name.length() + 16)
            .expireAfterWrite(TIME_TO_LIVE)
            .build();

    /**
     * Counts evictions, so that a lookup that ran while an experiment changed does not cache what it
     * read (it may be the state from before the change). Guarded by {@code this}.
     */
    private long generation;

    /** The running experiments as last read, for assigning a user to all of them. Guarded by {@code this}. */
    private @Nullable Running running;

    ExperimentCache(ExperimentRepository experiments, Clock clock, LiveUpdates live) {
        this.experiments = experiments;
        this.clock = clock;
        this.live = live;
        live.listen(CHANGES, (event, data) -> {
            String[] idAndKey = data.split(" ", 2);
            if (event.equals(CHANGED) && idAndKey.length == 2) {
                forget(idAndKey[0], idAndKey[1]);
            }
        });
    }

    Optional<Experiment> get(String idOrKey) {
        Entry entry = byIdOrKey.get(idOrKey);
        if (entry != null && fresh(entry, Instant.now(clock))) {
            return Optional.of(entry.experiment());
        }
        return Optional.ofNullable(getAll(List.of(idOrKey)).get(idOrKey));
    }

    /**
     * The experiments named by {@code idsOrKeys} (ids or keys), by the name given; names of no
     * experiment are left out. Whatever is not cached is read with one query.
     */
    Map<String, Experiment> getAll(Collection<String> idsOrKeys) {
        Instant now = Instant.now(clock);
        Map<String, Experiment> found = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : idsOrKeys) {
            Entry entry = byIdOrKey.get(name);
            if (entry != null && fresh(entry, now)) {
                found.put(name, entry.experiment());
            } else if (missing.getIfPresent(name) == null) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            found.putAll(load(unknown, now));
        }
        return found;
    }

    /**
     * Every running experiment. A page's SDK asks for them on every view, so they are read at most
     * once per {@link #TIME_TO_LIVE} rather than per call.
     */
    List<Experiment> running() {
        Instant now = Instant.now(clock);
        long before;
        synchronized (this) {
            if (running != null && running.loadedAt().plus(TIME_TO_LIVE).isAfter(now)) {
                return running.experiments();
            }
            before = generation;
        }
        List<Experiment> loaded = List.copyOf(experiments.running());
        synchronized (this) {
            if (generation == before) { // else changed meanwhile: answer what was read, but do not keep it
                running = new Running(loaded, now);
            }
        }
        return loaded;
    }

    private static boolean fresh(Entry entry, Instant now) {
        return entry.loadedAt().plus(TIME_TO_LIVE).isAfter(now);
    }

    private Map<String, Experiment> load(Set<String> names, Instant now) {
        long before = generation();
        List<Experiment> loaded = experiments.findAll(names);
        Map<String, Experiment> found = new HashMap<>();
        for (Experiment experiment : loaded) {
            if (names.contains(experiment.id())) {
                found.put(experiment.id(), experiment);
            }
            if (names.contains(experiment.key())) {
                found.put(experiment.key(), experiment);
            }
        }
        synchronized (this) {
            if (generation != before) {
                return found; // changed meanwhile: answer what was read, but do not keep it
            }
            for (Experiment experiment : loaded) {
                Entry fresh = new Entry(experiment, now);
                byIdOrKey.put(experiment.id(), fresh);
                byIdOrKey.put(experiment.key(), fresh);
            }
            for (String name : names) {
                if (!found.containsKey(name)) {
                    byIdOrKey.remove(name);
                    missing.put(name, Boolean.TRUE);
                }
            }
        }
        return found;
    }

    @Override
    public synchronized void invalidateAll() {
        generation++;
        running = null;
        byIdOrKey.clear();
        missing.invalidateAll();
    }

    /**
     * Forgets {@code experiment} under its id and every key it had, and that its id or key was
     * missing, here and, once committed, on the other instances. Inside a transaction it forgets
     * again after the commit: a lookup between the two may have read and cached the state from
     * before the change.
     */
    void evict(Experiment experiment) {
        forget(experiment.id(), experiment.key());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget(experiment.id(), experiment.key());
                    tellOtherInstances(experiment);
                }
            });
        } else {
            tellOtherInstances(experiment);
        }
    }

    private void tellOtherInstances(Experiment experiment) {
        live.signal(CHANGES, CHANGED, experiment.id() + " " + experiment.key());
    }

    private synchronized void forget(String id, String key) {
        generation++;
        running = null;
        byIdOrKey.values().removeIf(entry -> entry.experiment().id().equals(id));
        byIdOrKey.remove(id);
        byIdOrKey.remove(key);
        missing.invalidate(id);
        missing.invalidate(key);
    }

    private synchronized long generation() {
        return generation;
    }
}
