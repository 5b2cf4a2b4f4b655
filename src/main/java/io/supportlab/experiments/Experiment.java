package io.supportlab.experiments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An experiment with the seed's fields and SupportLab's extensions.
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
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(targetMetric), secondaryMetrics.stream())
                .distinct()
                .toList();
    }
}
