package io.supportlab.experiments;

import io.supportlab.platform.web.Format;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The experiment page's "Changes": each audit entry in words rather than the JSON stored with it. */
public final class ChangeLog {

    /** One change as the page lists it. */
    public record Change(Instant at, String actor, String description) {}

    private static final Map<String, String> LABELS = Map.of(
            "target_metric", "target metric",
            "secondary_metrics", "secondary metrics",
            "confidence_level", "confidence level",
            "minimum_sample_size", "minimum sample size",
            "minimum_detectable_effect", "minimum detectable effect",
            "sequential_testing", "sequential testing",
            "control_variant", "control variant",
            "test_variant", "test variant");

    private ChangeLog() {}

    static List<Change> of(List<AuditEntry> entries, JsonMapper json) {
        return entries.stream()
                .map(e -> new Change(e.createdAt(), e.actor(), describe(e, json)))
                .toList();
    }

    static String describe(AuditEntry entry, JsonMapper json) {
        if (entry.details() == null) {
            return capitalised(entry.action());
        }
        JsonNode details;
        try {
            details = json.readTree(entry.details());
        } catch (JacksonException e) {
            return capitalised(entry.action()) + ": " + Format.excerpt(entry.details(), 160);
        }
        return switch (entry.action()) {
            case "created" -> "Created as a draft with variants " + variants(details.path("variants"));
            case "status" ->
                "Status changed from " + details.path("from").asString("?") + " to "
                        + details.path("to").asString("?");
            case "edited" -> "Edited: " + changes(details);
            default -> capitalised(entry.action()) + ": " + Format.excerpt(entry.details(), 160);
        };
    }

    /** The fields an edit sent (absent ones stay unchanged and are stored as null). */
    private static String changes(JsonNode edit) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : edit.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            String label = LABELS.getOrDefault(field.getKey(), field.getKey().replace('_', ' '));
            parts.add(label + " " + value(field.getKey(), value));
        }
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }

    private static String value(String field, JsonNode value) {
        if (field.equals("variants")) {
            return variants(value);
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "on" : "off";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isString() ? item.asString() : item.toString()));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        if (value.isString() && value.asString().isBlank()) {
            return "cleared";
        }
        String text = value.isString() ? "“" + value.asString() + "”" : value.toString();
        return Format.excerpt(text, 80);
    }

    private static String variants(JsonNode variants) {
        List<String> parts = new ArrayList<>();
        for (JsonNode v : variants) {
            String name = v.path("name").isString() ? " (" + v.path("name").asString() + ")" : "";
            parts.add(v.path("key").asString("?") + name + " "
                    + String.format(Locale.ROOT, "%.4g%%", v.path("weight").asDouble() * 100)
                            .replaceAll("\\.?0+%$", "%"));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
