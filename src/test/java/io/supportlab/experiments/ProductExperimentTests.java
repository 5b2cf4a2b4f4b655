package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A product experiment as a feature declares it, and the draft made of it. */
class ProductExperimentTests {

    static final ProductExperiment FORM = new ProductExperiment(
            "some-form",
            "Some form",
            "Plain against fancy.",
            "Fancy converts better.",
            List.of(new Variant("control", "Plain", 0.5), new Variant("test", "Fancy", 0.5)),
            "submitted",
            List.of("clicked"),
            80,
            0.15);

    @Test
    void measuresItsTargetAndSecondaryMetricsOnly() {
        assertThat(FORM.measures("submitted")).isTrue();
        assertThat(FORM.measures("clicked")).isTrue();
        assertThat(FORM.measures("created")).isFalse();
    }

    @Test
    void becomesADraftUnderItsOwnKeyWithItsVariantsAndMetrics() {
        Experiment draft = Experiment.draft("id", FORM.definition(), name -> "some-form", ExperimentTests.CREATED)
                .experiment();
        assertThat(draft.key()).isEqualTo("some-form");
        assertThat(draft.name()).isEqualTo("Some form");
        assertThat(draft.status()).isEqualTo(ExperimentStatus.DRAFT);
        assertThat(draft.variants()).isEqualTo(FORM.variants());
        assertThat(draft.metrics()).containsExactly("submitted", "clicked");
        assertThat(draft.minimumSampleSize()).isEqualTo(80);
        assertThat(draft.minimumDetectableEffect()).isEqualTo(0.15);
        assertThat(draft.coverage()).isEqualTo(1.0);
    }
}
