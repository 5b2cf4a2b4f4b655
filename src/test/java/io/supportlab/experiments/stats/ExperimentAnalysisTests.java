package io.supportlab.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentAnalysisTests {

    private static VariantInput variant(String key, long participants, long converters) {
        return VariantInput.conversion(key, "Variant " + key, 1, participants, converters);
    }

    private static AnalysisResult analyze(VariantInput... variants) {
        return ExperimentAnalysis.analyze(AnalysisInput.of(0.95, List.of(variants)));
    }

    @Test
    void summarisesASignificantLiftWithItsInterval() {
        Comparison comparison = analyze(variant("A", 10_000, 1000), variant("B", 10_000, 1150))
                .comparisons()
                .getFirst();
        assertThat(comparison.significant()).isTrue();
        assertThat(comparison.summary())
                // statsmodels confint_proportions_2indep(1150, 10000, 1000, 10000, method="score",
                // compare="ratio", correction=False) = (1.0615, 1.2459)
                .isEqualTo("Variant B converts 15.0% better than control (95% CI +6.2% to +24.6%);"
                        + " the difference is statistically significant (p < 0.001).");
    }

    @Test
    void keepsTheSeedsPooledZTestAsTheFixedHorizonTest() {
        Comparison comparison = analyze(variant("A", 1000, 200), variant("B", 1000, 224))
                .comparisons()
                .getFirst();
        // R: prop.test(c(224, 200), c(1000, 1000), correct = FALSE)$p.value
        assertThat(comparison.decisionPValue())
                .isCloseTo(0.18918246062168029, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(comparison.summary())
                .endsWith(
                        "the difference is not statistically significant (p = 0.189), so the result is inconclusive.");
    }

    @Test
    void neverCallsSignificantWhatTheHolmAdjustedTestDoesNot() {
        AnalysisResult result = analyze(
                variant("A", 5000, 500), variant("B", 5000, 570), variant("C", 5000, 505), variant("D", 5000, 498));
        Comparison b = result.comparisons().getFirst();
        assertThat(b.frequentist().pValue()).isLessThan(0.05);
        assertThat(b.decisionPValue()).isGreaterThan(0.05);
        assertThat(b.significant()).isFalse();
        assertThat(b.summary()).contains("not statistically significant (Holm-adjusted p = ");
    }

    @Test
    void adjustsWithBenjaminiHochbergWhenChosen() {
        AnalysisInput input = AnalysisInput.of(
                        0.95, List.of(variant("A", 5000, 500), variant("B", 5000, 570), variant("C", 5000, 505)))
                .withCorrection(CorrectionMethod.BENJAMINI_HOCHBERG);
        AnalysisResult result = ExperimentAnalysis.analyze(input);
        List<Double> raw =
                result.comparisons().stream().map(c -> c.frequentist().pValue()).toList();
        assertThat(result.comparisons().stream().map(Comparison::decisionPValue))
                .containsExactlyElementsOf(MultipleComparisons.adjust(raw, CorrectionMethod.BENJAMINI_HOCHBERG));
        assertThat(result.correction()).isEqualTo(CorrectionMethod.BENJAMINI_HOCHBERG);
    }

    @Test
    void countsEveryMetricOfEveryTreatmentInTheFamily() {
        AnalysisResult result = ExperimentAnalysis.analyze(AnalysisInput.of(
                0.95,
                List.of(
                        variant("A", 1000, 100).withValue(2500, 90_000),
                        variant("B", 1000, 120).withValue(3100, 120_000))));
        assertThat(result.comparisons())
                .extracting(Comparison::metric)
                .containsExactly(Metric.CONVERSION, Metric.VALUE);
        assertThat(result.correction()).isEqualTo(CorrectionMethod.HOLM);
    }

    @Test
    void decidesOnTheAlwaysValidPValueWhenSequentialIsOn() {
        AnalysisInput input = AnalysisInput.of(0.95, List.of(variant("A", 4000, 400), variant("B", 4000, 460)))
                .withSequential(SequentialSettings.on());
        Comparison comparison = ExperimentAnalysis.analyze(input).comparisons().getFirst();
        assertThat(comparison.frequentist().pValue()).isLessThan(0.05);
        assertThat(comparison.decisionPValue())
                .isEqualTo(comparison.sequential().pValue());
        assertThat(comparison.significant()).isFalse();
        assertThat(comparison.summary())
                .contains("always-valid CI")
                .contains("not statistically significant yet (always-valid p");
    }

    @Test
    void marksResultsPreliminaryBeforeTheMinimumSampleSize() {
        AnalysisInput input = AnalysisInput.of(0.95, List.of(variant("A", 10_000, 1000), variant("B", 900, 140)))
                .withMinimumSampleSize(1000);
        AnalysisResult result = ExperimentAnalysis.analyze(input);
        assertThat(result.preliminary()).isTrue();
        assertThat(result.comparisons().getFirst().summary())
                .startsWith("Preliminary (minimum sample size not reached): ");
    }

    @Test
    void warnsInTheSummaryAboutASampleRatioMismatch() {
        AnalysisResult result = analyze(variant("A", 10_000, 1000), variant("B", 9_000, 900));
        assertThat(result.sampleRatio().status()).isEqualTo(SampleRatioCheck.Status.MISMATCH);
        assertThat(result.comparisons().getFirst().summary())
                .endsWith("Warning: sample ratio mismatch, check assignment before trusting this result.");
    }

    @Test
    void reportsProgressTowardsTheRequiredSampleSize() {
        AnalysisResult result = analyze(variant("A", 2000, 200), variant("B", 1900, 200));
        assertThat(result.progress().requiredPerVariant()).isEqualTo(Power.sampleSizePerVariant(0.1, 0.1, 0.95, 0.8));
        assertThat(result.progress().achievedPower()).isEqualTo(Power.achievedPower(0.1, 0.1, 0.95, 2000, 1900));
    }

    /** Issue 15, item 18: "4464 of the 100 participants required (100%)" while power was 0.39. */
    @Test
    void countsProgressTowardsThePowerAnalysisNotTheMinimumSampleSize() {
        AnalysisInput input = AnalysisInput.of(0.95, List.of(variant("A", 4464, 446), variant("B", 4464, 470)))
                .withMinimumSampleSize(100);
        Progress progress = ExperimentAnalysis.analyze(input).progress();
        long required = Power.sampleSizePerVariant(446 / 4464.0, 0.1, 0.95, 0.8);
        assertThat(progress.preliminary()).isFalse();
        assertThat(progress.targetPerVariant()).isEqualTo(required).isGreaterThan(14_000);
        assertThat(progress.percentOfTarget())
                .isEqualTo((int) (4464 * 100 / required))
                .isLessThan(40);
        assertThat(progress.achievedPower()).isBetween(0.3, 0.5);
    }

    @Test
    void keepsTheMinimumSampleSizeAsTheTargetWhenItIsLarger() {
        AnalysisInput input = AnalysisInput.of(0.95, List.of(variant("A", 500, 250), variant("B", 500, 260)))
                .withMinimumSampleSize(5000)
                .withPowerTarget(0.5, 0.8);
        assertThat(ExperimentAnalysis.analyze(input).progress().targetPerVariant())
                .isEqualTo(5000);
    }

    @Test
    void correctsEveryMetricOfTheExperimentAsOneFamily() {
        AnalysisInput target = AnalysisInput.of(0.95, List.of(variant("A", 5000, 500), variant("B", 5000, 565)));
        AnalysisInput secondary = AnalysisInput.of(0.95, List.of(variant("A", 5000, 300), variant("B", 5000, 310)));
        List<AnalysisResult> family = ExperimentAnalysis.analyzeFamily(List.of(target, secondary));
        Comparison b = family.getFirst().comparisons().getFirst();
        assertThat(family).allSatisfy(r -> {
            assertThat(r.familySize()).isEqualTo(2);
            assertThat(r.correction()).isEqualTo(CorrectionMethod.HOLM);
        });
        assertThat(b.decisionPValue())
                .isEqualTo(Math.min(1, 2 * b.frequentist().pValue()))
                .isGreaterThan(0.05);
        assertThat(ExperimentAnalysis.analyze(target).comparisons().getFirst().significant())
                .isTrue();
        assertThat(b.significant()).isFalse();
    }

    @Test
    void refusesAFamilyWhoseMetricsUseDifferentSettings() {
        AnalysisInput target = AnalysisInput.of(0.95, List.of(variant("A", 50, 5), variant("B", 50, 7)));
        assertThatThrownBy(() -> ExperimentAnalysis.analyzeFamily(
                        List.of(target, target.withSequential(SequentialSettings.on()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                Arguments.of("no participants at all", List.of(variant("A", 0, 0), variant("B", 0, 0))),
                Arguments.of("control has no participants", List.of(variant("A", 0, 0), variant("B", 50, 5))),
                Arguments.of("0% conversion everywhere", List.of(variant("A", 500, 0), variant("B", 500, 0))),
                Arguments.of("100% conversion everywhere", List.of(variant("A", 500, 500), variant("B", 500, 500))),
                Arguments.of("0% against 100%", List.of(variant("A", 20, 0), variant("B", 20, 20))),
                Arguments.of("one participant each", List.of(variant("A", 1, 1), variant("B", 1, 0))),
                Arguments.of(
                        "constant values",
                        List.of(
                                variant("A", 10, 10).withValue(70, 490),
                                variant("B", 10, 10).withValue(70, 490))),
                Arguments.of(
                        "no value in control",
                        List.of(
                                variant("A", 10, 0).withValue(0, 0),
                                variant("B", 10, 2).withValue(30, 450))),
                Arguments.of(
                        "a million users",
                        List.of(variant("A", 1_000_000, 100_000), variant("B", 1_000_000, 101_000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void givesDefinedResultsWithoutNaN(String label, List<VariantInput> variants) {
        AnalysisResult result =
                ExperimentAnalysis.analyze(AnalysisInput.of(0.95, variants).withSequential(SequentialSettings.on()));
        assertThat(FiniteNumbers.nonFinite(result)).isEmpty();
        assertThat(result.comparisons()).allSatisfy(c -> assertThat(c.summary()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void explainsEveryUndefinedPValue(String label, List<VariantInput> variants) {
        AnalysisResult result = ExperimentAnalysis.analyze(AnalysisInput.of(0.95, variants));
        assertThat(result.comparisons())
                .filteredOn(c -> c.decisionPValue() == null)
                .allSatisfy(c -> {
                    assertThat(c.significant()).isFalse();
                    assertThat(c.notes()).isNotEmpty();
                    assertThat(c.summary()).contains("cannot be assessed");
                });
    }

    @Test
    void rejectsMoreConvertersThanParticipants() {
        assertThatThrownBy(() -> variant("A", 10, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnExperimentWithoutTreatment() {
        assertThatThrownBy(() -> AnalysisInput.of(0.95, List.of(variant("A", 10, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
