package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One treatment against control on one metric.
 *
 * @param treatmentKey key of the treatment variant
 * @param treatmentName display name of the treatment variant
 * @param metric what is compared
 * @param frequentist fixed-horizon test and intervals
 * @param bayesian chance to beat control and expected loss
 * @param sequential always-valid inference, null unless sequential testing is enabled
 * @param decisionPValue the p-value the significance marker is based on: the sequential one when
 *     enabled, otherwise the fixed-horizon one, in both cases after multiple-comparison adjustment;
 *     null when the test is not defined
 * @param significant whether {@code decisionPValue < 1 - confidenceLevel}; false when it is null
 * @param summary one plain-language sentence for readers, quoting {@code decision}
 * @param decision the verdict with the p-values and intervals of the one test it rests on
 * @param notes everything a reader should know (undefined quantities, preliminary data)
 */
public record Comparison(
        String treatmentKey,
        String treatmentName,
        Metric metric,
        FrequentistResult frequentist,
        BayesianResult bayesian,
        @Nullable SequentialResult sequential,
        @Nullable Double decisionPValue,
        boolean significant,
        String summary,
        List<String> notes,
        Decision decision) {

    public Comparison {
        notes = List.copyOf(notes);
    }
}
