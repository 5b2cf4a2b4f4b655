package io.supportlab.experiments;

import java.util.List;

/**
 * One of SupportLab's experiments on its own pages, declared as a bean by the feature that owns the
 * page; this module knows none of them by name. On start each declared one is created as a draft if
 * its key is not taken (see {@link ProductExperiments}), so an admin can start it from the
 * dashboard; afterwards the stored experiment is what counts, edits included.
 *
 * @param variants 2 to 10, the first the control; their weights add up to 1
 * @param targetMetric the event that counts as a conversion
 * @param secondaryMetrics further events, possibly recorded by other features (see {@link
 *     ProductExperiments#track})
 */
public record ProductExperiment(
        String key,
        String name,
        String description,
        String hypothesis,
        List<Variant> variants,
        String targetMetric,
        List<String> secondaryMetrics,
        int minimumSampleSize,
        double minimumDetectableEffect) {

    public ProductExperiment {
        variants = List.copyOf(variants);
        secondaryMetrics = List.copyOf(secondaryMetrics);
    }

    /** Whether the event is one of this experiment's metrics. */
    boolean measures(String eventName) {
        return targetMetric.equals(eventName) || secondaryMetrics.contains(eventName);
    }

    /** The draft created for it: everyone in, at 95% confidence, analysed with the defaults. */
    ExperimentDefinition definition() {
        return new ExperimentDefinition(
                name,
                key,
                description,
                hypothesis,
                null,
                null,
                variants,
                targetMetric,
                secondaryMetrics,
                0.95,
                minimumSampleSize,
                1.0,
                null,
                null,
                false,
                null,
                minimumDetectableEffect);
    }
}
