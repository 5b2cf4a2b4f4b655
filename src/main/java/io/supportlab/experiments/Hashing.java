package io.supportlab.experiments;

import java.util.ArrayList;
import java.util.List;

/**
 * GrowthBook's documented assignment functions, so that any GrowthBook SDK computes the same
 * variant as we do for the same key, weights and coverage. Strings are hashed over their UTF-16
 * code units, as JavaScript's {@code charCodeAt} sees them.
 */
final class Hashing {

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private Hashing() {}

    /** FNV-1a, 32 bit, unsigned. */
    static long fnv1a32(String text) {
        int hash = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= FNV_PRIME;
        }
        return Integer.toUnsignedLong(hash);
    }

    /** Hash version 2: the user's position in [0, 1) for an experiment seeded with {@code seed}. */
    static double bucket(String seed, String userId) {
        long first = fnv1a32(seed + userId);
        return (fnv1a32(Long.toString(first)) % 10_000) / 10_000.0;
    }

    /** Hash version 1, which GrowthBook keeps for namespaces. */
    static double namespaceBucket(String namespaceId, String userId) {
        return (fnv1a32(userId + "__" + namespaceId) % 1_000) / 1_000.0;
    }

    /** GrowthBook's {@code getBucketRanges}: weights laid end to end, each scaled by the coverage. */
    static List<double[]> ranges(List<Double> weights, double coverage) {
        double clamped = Math.max(0, Math.min(1, coverage));
        List<Double> effective = weights;
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (total < 0.99 || total > 1.01) {
            effective = weights.stream().map(w -> 1.0 / weights.size()).toList();
        }
        List<double[]> ranges = new ArrayList<>();
        double cumulative = 0;
        for (double weight : effective) {
            double start = cumulative;
            cumulative += weight;
            ranges.add(new double[] {start, start + clamped * weight});
        }
        return ranges;
    }

    /** GrowthBook's {@code chooseVariation}: the index of the range holding {@code n}, or -1. */
    static int chooseVariation(double n, List<double[]> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            double[] range = ranges.get(i);
            if (n >= range[0] && n < range[1]) {
                return i;
            }
        }
        return -1;
    }
}
