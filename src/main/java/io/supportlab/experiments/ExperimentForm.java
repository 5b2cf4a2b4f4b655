package io.supportlab.experiments;

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
 * The create form of the A/B Testing tab as submitted: text fields that become an {@link
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
        Map<String, Object> rule = null;
        if (targeting != null && !targeting.isBlank()) {
            try {
                rule = json.readValue(targeting, new TypeReference<LinkedHashMap<String, Object>>() {});
            } catch (JacksonException e) {
                errors.put("targeting", "must be a JSON object such as {\"plan\": \"pro\"}");
            }
        }
        Double mde = number("minimumDetectableEffect", minimumDetectableEffect, errors);
        Double min = number("minimumSampleSize", minimumSampleSize, errors);
        return new ExperimentDefinition(
                blankToNull(name),
                blankToNull(key),
                blankToNull(description),
                blankToNull(hypothesis),
                null,
                null,
                variants,
                blankToNull(targetMetric),
                metrics(),
                number("confidenceLevel", confidenceLevel, errors),
                min == null ? null : (int) Math.round(min),
                number("coverage", coverage, errors),
                rule,
                null,
                "on".equals(sequentialTesting) || "true".equals(sequentialTesting),
                correction == null ? null : Correction.fromValue(correction),
                mde);
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
