package io.supportlab.experiments;

import io.supportlab.platform.web.FormErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The create and edit form of the A/B Testing tab as submitted: text fields that become an {@link
 * ExperimentDefinition}. Parallel lists hold the variant rows.
 */
public record ExperimentForm(
        @Nullable String name,
        @Nullable String key,
        @Nullable String description,
        @Nullable String hypothesis,
        @Nullable String targetMetric,
        @Nullable String secondaryMetrics,
        @Nullable List<String> variantKey,
        @Nullable List<String> variantName,
        @Nullable List<String> variantWeight,
        @Nullable String coverage,
        @Nullable String confidenceLevel,
        @Nullable String minimumSampleSize,
        @Nullable String minimumDetectableEffect,
        @Nullable String correction,
        @Nullable String sequentialTesting,
        @Nullable String targeting) {

    /** The form's fields in page order, with the label the error summary uses. */
    private static final Map<String, String> FIELDS = fields();

    /** One line of the error summary at the top of the form, linking to the field. */
    public record ErrorLink(String anchor, String label, String message) {}

    public static ExperimentForm empty() {
        return new ExperimentForm(
                "",
                "",
                "",
                "",
                "",
                "",
                List.of("control", "test"),
                List.of("Control", "Test"),
                List.of("0.5", "0.5"),
                "1",
                "0.95",
                "100",
                "0.1",
                "holm",
                null,
                "");
    }

    /** The form filled in with an experiment, for editing it; {@code targetingJson} is its rule as JSON. */
    static ExperimentForm of(Experiment e, String targetingJson) {
        return new ExperimentForm(
                e.name(),
                e.key(),
                e.description() == null ? "" : e.description(),
                e.hypothesis() == null ? "" : e.hypothesis(),
                e.targetMetric(),
                String.join(", ", e.secondaryMetrics()),
                e.variants().stream().map(v -> String.valueOf(v.key())).toList(),
                e.variants().stream().map(v -> v.name() == null ? "" : v.name()).toList(),
                e.variants().stream().map(v -> decimal(v.weight())).toList(),
                decimal(e.coverage()),
                decimal(e.confidenceLevel()),
                String.valueOf(e.minimumSampleSize()),
                decimal(e.minimumDetectableEffect()),
                e.correction().value(),
                e.sequentialTesting() ? "on" : null,
                e.targeting() == null ? "" : targetingJson);
    }

    /** The errors in the order of the fields on the page, for the summary at the top. */
    public static List<ErrorLink> summary(FormErrors errors) {
        List<ErrorLink> links = new ArrayList<>();
        if (errors.has("")) {
            links.add(new ErrorLink("name", "Experiment", String.valueOf(errors.get(""))));
        }
        FIELDS.forEach((field, label) -> {
            if (errors.has(field)) {
                links.add(new ErrorLink(field, label, String.valueOf(errors.get(field))));
            }
        });
        return links;
    }

    /** The first field with an error in page order, which gets the focus; null without errors. */
    public static @Nullable String firstError(FormErrors errors) {
        return FIELDS.keySet().stream().filter(errors::has).findFirst().orElse(null);
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Name");
        fields.put("key", "Key");
        fields.put("hypothesis", "Hypothesis");
        fields.put("description", "Description");
        fields.put("targetMetric", "Target metric");
        fields.put("secondaryMetrics", "Secondary metrics");
        fields.put("variants", "Variants");
        fields.put("coverage", "Coverage");
        fields.put("targeting", "Targeting rule");
        fields.put("confidenceLevel", "Confidence level");
        fields.put("minimumSampleSize", "Minimum sample size");
        fields.put("minimumDetectableEffect", "Minimum detectable effect");
        fields.put("correction", "Correction");
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static String decimal(@Nullable Double value) {
        return value == null
                ? ""
                : new java.math.BigDecimal(value)
                        .round(new java.math.MathContext(6))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    /** Rows for the template; at least two. */
    public List<List<String>> variantRows() {
        List<String> keys = variantKey == null ? List.of() : variantKey;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(2, keys.size()); i++) {
            rows.add(List.of(at(variantKey, i), at(variantName, i), at(variantWeight, i)));
        }
        return rows;
    }

    /**
     * The definition, or field errors for values that are not even numbers or JSON; the service
     * checks the rest.
     */
    ExperimentDefinition toDefinition(JsonMapper json, Map<String, String> errors) {
        return definition(
                json,
                errors,
                blankToNull(key),
                blankToNull(description),
                blankToNull(hypothesis),
                variants(errors),
                blankToNull(targetMetric));
    }

    /**
     * The change an edit makes. A started experiment's form has no key, variants or target metric
     * (they are fixed), so those stay as they are; an emptied description or hypothesis is cleared.
     */
    ExperimentDefinition toChange(JsonMapper json, Map<String, String> errors, boolean started) {
        return definition(
                json,
                errors,
                started ? null : blankToNull(key),
                description == null ? null : description.strip(),
                hypothesis == null ? null : hypothesis.strip(),
                started ? null : variants(errors),
                started ? null : blankToNull(targetMetric));
    }

    private ExperimentDefinition definition(
            JsonMapper json,
            Map<String, String> errors,
            @Nullable String key,
            @Nullable String description,
            @Nullable String hypothesis,
            @Nullable List<Variant> variants,
            @Nullable String targetMetric) {
        Double min = number("minimumSampleSize", minimumSampleSize, errors);
        return new ExperimentDefinition(
                blankToNull(name),
                key,
                description,
                hypothesis,
                null,
                null,
                variants,
                targetMetric,
                metrics(),
                number("confidenceLevel", confidenceLevel, errors),
                min == null ? null : (int) Math.round(min),
                number("coverage", coverage, errors),
                targetingRule(json, errors),
                null,
                "on".equals(sequentialTesting) || "true".equals(sequentialTesting),
                correction == null ? null : Correction.fromValue(correction),
                number("minimumDetectableEffect", minimumDetectableEffect, errors));
    }

    private List<Variant> variants(Map<String, String> errors) {
        List<Variant> variants = new ArrayList<>();
        List<String> keys = variantKey == null ? List.of() : variantKey;
        for (int i = 0; i < keys.size(); i++) {
            if (at(variantKey, i).isBlank() && at(variantWeight, i).isBlank()) {
                continue; // an empty row left in the form
            }
            variants.add(new Variant(
                    at(variantKey, i).strip(),
                    blankToNull(at(variantName, i)),
                    number("variants", at(variantWeight, i), errors)));
        }
        return variants;
    }

    private @Nullable Map<String, Object> targetingRule(JsonMapper json, Map<String, String> errors) {
        if (targeting == null || targeting.isBlank()) {
            return null;
        }
        try {
            return json.readValue(targeting, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JacksonException e) {
            errors.put("targeting", "must be a JSON object such as {\"plan\": \"pro\"}");
            return null;
        }
    }

    private List<String> metrics() {
        if (secondaryMetrics == null || secondaryMetrics.isBlank()) {
            return List.of();
        }
        return Arrays.stream(secondaryMetrics.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static @Nullable Double number(String field, @Nullable String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number");
            return null;
        }
    }

    private static String at(@Nullable List<String> list, int i) {
        return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
