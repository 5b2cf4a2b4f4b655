package io.supportlab.experiments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An experiment as created ({@code POST /api/ab-tests}) or edited ({@code PUT /api/ab-tests/{id}}):
 * the seed's fields, where {@code control_variant} and {@code test_variant} are the two-variant
 * shorthand for {@code variants} at 50/50. On an edit, absent fields stay unchanged.
 */
public record ExperimentDefinition(
        @Size(max = 200) @Nullable String name,

        @Size(max = 64)
        @Pattern(
                regexp = ExperimentDefinition.KEY_PATTERN,
                message = "must be lower-case letters, digits and - _ . (starting with a letter or digit)")
        @Nullable
        String key,

        @Size(max = 2000) @Nullable String description,
        @Size(max = 2000) @Nullable String hypothesis,
        @Size(max = 64) @Nullable String controlVariant,
        @Size(max = 64) @Nullable String testVariant,

        @Size(min = 2, max = 10, message = "must have between 2 and 10 variants") @Nullable
        List<@Valid Variant> variants,

        @Size(max = 100)
        @Pattern(regexp = ExperimentDefinition.EVENT_PATTERN, message = "may contain letters, digits and _ . : - only")
        @Nullable
        String targetMetric,

        @Size(max = 10) @Nullable
        List<
                        @NotBlank @Size(max = 100)
                        @Pattern(
                                regexp = ExperimentDefinition.EVENT_PATTERN,
                                message = "may contain letters, digits and _ . : - only")
                        String>
                secondaryMetrics,

        @DecimalMin(value = "0.5", inclusive = false) @DecimalMax(value = "0.999", inclusive = false) @Nullable
        Double confidenceLevel,

        @Min(1) @Nullable Integer minimumSampleSize,
        @DecimalMin("0") @DecimalMax("1") @Nullable Double coverage,
        @Nullable Map<String, Object> targeting,
        @Valid @Nullable Namespace namespace,
        @Nullable Boolean sequentialTesting,
        @Nullable Correction correction,

        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Nullable
        Double minimumDetectableEffect) {

    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9_.-]*";
    public static final String EVENT_PATTERN = "[A-Za-z0-9_.:-]+";
}
