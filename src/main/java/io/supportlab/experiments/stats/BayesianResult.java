package io.supportlab.experiments.stats;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bayesian view of one treatment against control.
 *
 * @param model how the posterior was formed
 * @param chanceToBeatControl posterior probability that the treatment's true value exceeds
 *     control's
 * @param expectedLossChoosingTreatment expected shortfall if the treatment is shipped but control is
 *     better: E[max(control - treatment, 0)] (conversion: in rate units; value: in relative lift)
 * @param expectedLossChoosingControl expected shortfall if control is kept but the treatment is
 *     better: E[max(treatment - control, 0)]
 * @param liftCredibleInterval credible interval of the relative lift (value metrics only)
 * @param notes explanations for missing values
 */
public record BayesianResult(
        String model,
        @Nullable Double chanceToBeatControl,
        @Nullable Double expectedLossChoosingTreatment,
        @Nullable Double expectedLossChoosingControl,
        @Nullable Interval liftCredibleInterval,
        List<String> notes) {

    public BayesianResult {
        notes = List.copyOf(notes);
    }
}
