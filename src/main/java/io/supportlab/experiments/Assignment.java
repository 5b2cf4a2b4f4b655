package io.supportlab.experiments;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user's place in an experiment, as stored (the first assignment wins forever) and as answered
 * by {@code POST /api/ab-tests/{id}/assign}.
 */
record Assignment(String experimentId, String userIdentifier, String variant, double bucket, Instant assignedAt) {

    /** What hashing decides for a user; no database involved. */
    record Decision(boolean inExperiment, int variationIndex, double bucket) {}

    /**
     * GrowthBook's algorithm: outside the namespace, not in the experiment; otherwise the hash-v2
     * bucket (seeded with the experiment key) picks the variant range, scaled by the coverage.
     */
    static Decision decide(
            String key, List<Double> weights, double coverage, @Nullable Namespace namespace, String userId) {
        double bucket = Hashing.bucket(key, userId);
        if (namespace != null && !namespace.contains(userId)) {
            return new Decision(false, -1, bucket);
        }
        int index = Hashing.chooseVariation(bucket, Hashing.ranges(weights, coverage));
        return new Decision(index >= 0, index, bucket);
    }
}
