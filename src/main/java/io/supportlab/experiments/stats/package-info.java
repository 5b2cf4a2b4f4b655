/**
 * The statistics engine behind experiment results: it turns sufficient statistics per variant
 * (participants, converters and, for value metrics, the sum and sum of squares of the value) into
 * per-variant estimates, treatment-versus-control comparisons (frequentist, Bayesian and, when
 * enabled, always-valid sequential), multiple-comparison adjustment, a sample-ratio-mismatch check,
 * power and plain-language summaries. It is plain Java with no Spring and no SQL so that every number
 * can be checked against R and scipy; {@link io.supportlab.experiments.stats.ExperimentAnalysis} is
 * the entry point and {@link io.supportlab.experiments.stats.Power} serves the sample-size
 * calculator. Quantities that are not defined for the data (no participants, no variance) are
 * reported as {@code null} with an explanation in the result's {@code notes}, never as NaN; see
 * {@code docs/statistics.md}.
 */
@NullMarked
package io.supportlab.experiments.stats;

import org.jspecify.annotations.NullMarked;
