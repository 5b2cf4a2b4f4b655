package io.supportlab.experiments;

import io.supportlab.platform.DerivedDataCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Experiment definitions for the assignment and event paths, which must not read the database on
 * every call. Changes made on this instance take effect at once; changes made on another instance
 * (several instances on PostgreSQL) within {@link #TIME_TO_LIVE}.
 */
@Component
class ExperimentCache implements DerivedDataCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    private record Entry(Experiment experiment, Instant loadedAt) {}

    private final ExperimentRepository experiments;
    private final Clock clock;
    private final Map<String, Entry> byIdOrKey = new ConcurrentHashMap<>();

    ExperimentCache(ExperimentRepository experiments, Clock clock) {
        this.experiments = experiments;
        this.clock = clock;
    }

    Optional<Experiment> get(String idOrKey) {
        Instant now = Instant.now(clock);
        Entry entry = byIdOrKey.get(idOrKey);
        if (entry != null && entry.loadedAt().plus(TIME_TO_LIVE).isAfter(now)) {
            return Optional.of(entry.experiment());
        }
        Optional<Experiment> loaded = experiments.find(idOrKey);
        loaded.ifPresentOrElse(
                e -> {
                    Entry fresh = new Entry(e, now);
                    byIdOrKey.put(e.id(), fresh);
                    byIdOrKey.put(e.key(), fresh);
                },
                () -> byIdOrKey.remove(idOrKey));
        return loaded;
    }

    @Override
    public void invalidateAll() {
        byIdOrKey.clear();
    }

    void evict(Experiment experiment) {
        byIdOrKey.values().removeIf(entry -> entry.experiment().id().equals(experiment.id()));
        byIdOrKey.remove(experiment.id());
        byIdOrKey.remove(experiment.key());
    }
}
