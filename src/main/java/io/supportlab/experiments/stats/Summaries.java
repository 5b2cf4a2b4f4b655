package io.supportlab.experiments.stats;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Plain-language sentences for readers. The significance clause is driven only by the {@code
 * significant} flag of the comparison, so the wording can never claim more than the chosen test.
 */
final class Summaries {

    private Summaries() {}

    record Context(
            double confidenceLevel, CorrectionMethod correction, boolean preliminary, boolean sampleRatioMismatch) {}

    static String of(ComparisonDraft draft, @Nullable Double decisionPValue, boolean significant, Context context) {
        StringBuilder text = new StringBuilder();
        if (context.preliminary()) {
            text.append("Preliminary (minimum sample size not reached): ");
        }
        text.append(effect(draft, context.confidenceLevel()));
        text.append("; ").append(verdict(draft, decisionPValue, significant, context.correction()));
        text.append('.');
        if (context.sampleRatioMismatch()) {
            text.append(" Warning: sample ratio mismatch, check assignment before trusting this result.");
        }
        return text.toString();
    }

    private static String effect(ComparisonDraft draft, double confidenceLevel) {
        String name = draft.treatment().name();
        Estimate lift = draft.quotedLift();
        Double value = lift.value();
        if (value == null) {
            String reason =
                    lift.notes().isEmpty() ? "not defined" : lift.notes().getFirst();
            return name + ": the relative change against control cannot be computed (" + reason + ")";
        }
        String sentence = value == 0 ? same(name, draft.metric()) : changed(name, draft.metric(), value);
        Interval interval = lift.interval();
        if (interval == null) {
            return sentence;
        }
        String kind = draft.sequential() != null ? "% always-valid CI " : "% CI ";
        return sentence + " (" + trim(confidenceLevel * 100) + kind + signedPercent(interval.lower()) + " to "
                + signedPercent(interval.upper()) + ")";
    }

    private static String same(String name, Metric metric) {
        return switch (metric) {
            case CONVERSION -> name + " converts at the same rate as control";
            case VALUE -> name + "'s average value equals control's";
        };
    }

    private static String changed(String name, Metric metric, double value) {
        String size = percent(Math.abs(value));
        return switch (metric) {
            case CONVERSION -> name + " converts " + size + (value > 0 ? " better" : " worse") + " than control";
            case VALUE -> name + "'s average value is " + size + (value > 0 ? " higher" : " lower") + " than control's";
        };
    }

    private static String verdict(
            ComparisonDraft draft, @Nullable Double decisionPValue, boolean significant, CorrectionMethod correction) {
        if (decisionPValue == null) {
            return "statistical significance cannot be assessed yet";
        }
        String label = (correction == CorrectionMethod.NONE ? "" : adjustedLabel(correction))
                + (draft.sequential() != null ? "always-valid p" : "p");
        String p = decisionPValue < 0.001
                ? label + " < 0.001"
                : label + " = " + String.format(Locale.ROOT, "%.3f", decisionPValue);
        return significant
                ? "the difference is statistically significant (" + p + ")"
                : "the difference is not statistically significant (" + p + ")";
    }

    private static String adjustedLabel(CorrectionMethod correction) {
        return correction == CorrectionMethod.HOLM ? "Holm-adjusted " : "Benjamini-Hochberg-adjusted ";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String trim(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.format(Locale.ROOT, "%s", number);
    }
}
