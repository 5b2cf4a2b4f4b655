package io.supportlab.experiments.stats;

/**
 * Sample size and power for comparing two conversion rates: two-sided test at level alpha = 1 -
 * confidence, normal approximation, the formula of R's {@code power.prop.test} (strict = FALSE).
 *
 * <p>With baseline p1, treatment p2 = p1 (1 + mde), pbar = (p1 + p2) / 2 and q = 1 - p:
 *
 * <pre>
 * n per variant = (z_{1-alpha/2} sqrt(2 pbar qbar) + z_{power} sqrt(p1 q1 + p2 q2))^2 / (p2 - p1)^2
 * power(n1, n2) = Phi((|p2 - p1| - z_{1-alpha/2} sqrt(pbar qbar (1/n1 + 1/n2))) / sqrt(p1 q1 / n1 + p2 q2 / n2))
 * </pre>
 */
public final class Power {

    private Power() {}

    /**
     * Participants needed in each variant, rounded up.
     *
     * @param baselineRate control conversion rate, strictly between 0 and 1
     * @param relativeMinimumDetectableEffect relative change to detect, e.g. 0.1 for +10%; the
     *     resulting rate must stay below 1
     * @param confidenceLevel e.g. 0.95 (alpha = 0.05, two-sided)
     * @param power e.g. 0.8
     * @throws IllegalArgumentException when an argument is outside its range
     */
    public static long sampleSizePerVariant(
            double baselineRate, double relativeMinimumDetectableEffect, double confidenceLevel, double power) {
        return (long) Math.ceil(
                exactSampleSizePerVariant(baselineRate, relativeMinimumDetectableEffect, confidenceLevel, power));
    }

    /** The unrounded solution of the power equation (what {@code power.prop.test} reports as n). */
    public static double exactSampleSizePerVariant(
            double baselineRate, double relativeMinimumDetectableEffect, double confidenceLevel, double power) {
        checkProbability("power", power);
        Rates rates = Rates.of(baselineRate, relativeMinimumDetectableEffect, confidenceLevel);
        double zAlpha = Quantiles.z(confidenceLevel);
        double zBeta = Quantiles.normalUpperQuantile(1 - power);
        double pooled = (rates.p1 + rates.p2) / 2;
        double root = zAlpha * Math.sqrt(2 * pooled * (1 - pooled))
                + zBeta * Math.sqrt(rates.p1 * (1 - rates.p1) + rates.p2 * (1 - rates.p2));
        double delta = rates.p2 - rates.p1;
        return root * root / (delta * delta);
    }

    /**
     * Power already reached with the given participants per variant (unequal splits allowed).
     *
     * @throws IllegalArgumentException when an argument is outside its range or a count is not positive
     */
    public static double achievedPower(
            double baselineRate,
            double relativeMinimumDetectableEffect,
            double confidenceLevel,
            long controlParticipants,
            long treatmentParticipants) {
        if (controlParticipants <= 0 || treatmentParticipants <= 0) {
            throw new IllegalArgumentException("participants must be positive");
        }
        Rates rates = Rates.of(baselineRate, relativeMinimumDetectableEffect, confidenceLevel);
        double pooled = (rates.p1 + rates.p2) / 2;
        double inverseSizes = 1.0 / controlParticipants + 1.0 / treatmentParticipants;
        double nullSe = Math.sqrt(pooled * (1 - pooled) * inverseSizes);
        double alternativeSe = Math.sqrt(
                rates.p1 * (1 - rates.p1) / controlParticipants + rates.p2 * (1 - rates.p2) / treatmentParticipants);
        double delta = Math.abs(rates.p2 - rates.p1);
        return Quantiles.normalCdf((delta - Quantiles.z(confidenceLevel) * nullSe) / alternativeSe);
    }

    /**
     * Days until every variant has {@code usersPerVariant}, with traffic split evenly.
     *
     * @param usersPerVariant target participants per variant
     * @param variants number of variants including control
     * @param usersPerDay participants entering the experiment per day, positive
     * @return whole days, rounded up
     */
    public static long expectedDurationDays(long usersPerVariant, int variants, double usersPerDay) {
        if (usersPerVariant < 0 || variants < 2 || !(usersPerDay > 0) || Double.isInfinite(usersPerDay)) {
            throw new IllegalArgumentException("need usersPerVariant >= 0, variants >= 2 and usersPerDay > 0");
        }
        return (long) Math.ceil((double) usersPerVariant * variants / usersPerDay);
    }

    private static void checkProbability(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be strictly between 0 and 1");
        }
    }

    private record Rates(double p1, double p2) {

        static Rates of(double baselineRate, double relativeMinimumDetectableEffect, double confidenceLevel) {
            checkProbability("baselineRate", baselineRate);
            checkProbability("confidenceLevel", confidenceLevel);
            if (relativeMinimumDetectableEffect == 0 || !Double.isFinite(relativeMinimumDetectableEffect)) {
                throw new IllegalArgumentException("relativeMinimumDetectableEffect must be non-zero and finite");
            }
            double treated = baselineRate * (1 + relativeMinimumDetectableEffect);
            checkProbability("baselineRate * (1 + relativeMinimumDetectableEffect)", treated);
            return new Rates(baselineRate, treated);
        }
    }
}
