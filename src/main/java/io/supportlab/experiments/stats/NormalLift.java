package io.supportlab.experiments.stats;

import java.util.List;

/**
 * Bayesian view of a value metric: with a flat prior the posterior of the relative lift is
 * approximately normal with the delta-method mean and standard error.
 */
final class NormalLift {

    static final String MODEL = "flat prior, normal approximation on the relative lift";

    private NormalLift() {}

    static BayesianResult compare(Moments control, Moments treatment, double confidenceLevel) {
        Differences.Lift lift = Differences.lift(control, treatment);
        if (lift == null) {
            return new BayesianResult(
                    MODEL, null, null, null, null, List.of(Differences.whyNoLift(control, treatment)));
        }
        double mu = lift.estimate();
        double sigma = lift.standardError();
        double standardized = mu / sigma;
        double chance = Quantiles.normalCdf(standardized);
        // For L ~ N(mu, sigma^2): E[max(L, 0)] = sigma phi(mu/sigma) + mu Phi(mu/sigma), and
        // E[max(-L, 0)] = sigma phi(mu/sigma) - mu Phi(-mu/sigma).
        double density = sigma * Quantiles.normalDensity(standardized);
        double lossChoosingControl = density + mu * chance;
        double lossChoosingTreatment = density - mu * Quantiles.normalCdf(-standardized);
        Interval credible = Interval.around(mu, Quantiles.z(confidenceLevel) * sigma);
        return new BayesianResult(
                MODEL,
                chance,
                Math.max(0, lossChoosingTreatment),
                Math.max(0, lossChoosingControl),
                credible,
                List.of());
    }
}
