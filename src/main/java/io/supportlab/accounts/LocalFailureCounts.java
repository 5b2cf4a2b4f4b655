package io.supportlab.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Failure counts in this instance's memory, one bounded cache per scope, each entry forgotten a
 * quiet lockout period after its latest failure (by the application's clock, like everything else
 * timed here). Per instance: right for SQLite, where there is one.
 */
final class LocalFailureCounts implements FailureCounts {

    static final int MAX_TRACKED = 100_000;

    private final Map<Scope, Cache<String, Failures>> caches = new EnumMap<>(Scope.class);

    LocalFailureCounts(Duration quiet, Clock clock) {
        for (Scope scope : Scope.values()) {
            caches.put(
                    scope,
                    Caffeine.newBuilder()
                            .maximumSize(MAX_TRACKED)
                            .expireAfterWrite(quiet)
                            .ticker(() -> ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant()))
                            .build());
        }
    }

    @Override
    public Map<Scope, Failures> add(List<Key> keys, Instant now, Instant since) {
        Map<Scope, Failures> counts = new EnumMap<>(Scope.class);
        for (Key key : keys) {
            counts.put(
                    key.scope(),
                    cache(key)
                            .asMap()
                            .merge(
                                    key.value(),
                                    new Failures(1, now),
                                    (old, first) ->
                                            old.last().isAfter(since) ? new Failures(old.count() + 1, now) : first));
        }
        return counts;
    }

    @Override
    public Map<Scope, Failures> read(List<Key> keys, Instant since) {
        Map<Scope, Failures> counts = new EnumMap<>(Scope.class);
        for (Key key : keys) {
            Failures failures = cache(key).getIfPresent(key.value());
            if (failures != null && failures.last().isAfter(since)) {
                counts.put(key.scope(), failures);
            }
        }
        return counts;
    }

    @Override
    public void clear(List<Key> keys) {
        keys.forEach(key -> cache(key).invalidate(key.value()));
    }

    @Override
    public void forgetOver(Instant since) {
        // Each cache forgets an entry a quiet period after its latest failure.
    }

    private Cache<String, Failures> cache(Key key) {
        Cache<String, Failures> cache = caches.get(key.scope());
        if (cache == null) {
            throw new IllegalStateException("Every scope has its cache");
        }
        return cache;
    }
}
