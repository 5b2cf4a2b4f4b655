package io.supportlab.experiments.stats;

/**
 * Whether results use always-valid (sequential) inference, which stays valid when results are
 * looked at repeatedly.
 *
 * @param enabled whether the significance marker uses the always-valid p-value
 * @param tuningParameter N*, the total sample size (both groups of a comparison) at which the
 *     confidence sequence is tightest; must be positive
 */
public record SequentialSettings(boolean enabled, double tuningParameter) {

    /** GrowthBook's default N*. */
    public static final double DEFAULT_TUNING_PARAMETER = 5000;

    /** Fixed-horizon analysis only. */
    public static final SequentialSettings OFF = new SequentialSettings(false, DEFAULT_TUNING_PARAMETER);

    public SequentialSettings {
        if (!(tuningParameter > 0) || Double.isInfinite(tuningParameter)) {
            throw new IllegalArgumentException("tuningParameter must be positive and finite");
        }
    }

    /** Sequential analysis with the default N* of 5000. */
    public static SequentialSettings on() {
        return new SequentialSettings(true, DEFAULT_TUNING_PARAMETER);
    }

    /** Sequential analysis with a chosen N*. */
    public static SequentialSettings on(double tuningParameter) {
        return new SequentialSettings(true, tuningParameter);
    }
}
