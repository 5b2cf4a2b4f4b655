package io.supportlab.experiments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Who may enter an experiment, as a condition on the attributes sent with an assignment. The syntax
 * is the subset of GrowthBook's (MongoDB-style) conditions that a help desk needs: {@code {"plan":
 * "pro", "country": {"$in": ["US", "CA"]}, "seats": {"$gte": 5}}}, with {@code $and}, {@code $or}
 * and {@code $not} to combine. All fields of an object must hold.
 */
final class Targeting {

    private static final Set<String> OPERATORS =
            Set.of("$eq", "$ne", "$in", "$nin", "$gt", "$gte", "$lt", "$lte", "$exists");

    private Targeting() {}

    static boolean matches(@Nullable Map<String, Object> rule, Map<String, Object> attributes) {
        return rule == null || rule.isEmpty() || all(rule, attributes);
    }

    /** What is wrong with a rule, one message per problem; empty when it is usable. */
    static List<String> problems(@Nullable Map<String, Object> rule) {
        List<String> problems = new ArrayList<>();
        if (rule != null) {
            check(rule, "targeting", problems);
        }
        return problems;
    }

    private static boolean all(Map<?, ?> rule, Map<String, Object> attributes) {
        for (Map.Entry<?, ?> entry : rule.entrySet()) {
            String field = String.valueOf(entry.getKey());
            boolean holds = switch (field) {
                case "$and" -> list(entry.getValue()).stream().allMatch(r -> all((Map<?, ?>) r, attributes));
                case "$or" -> list(entry.getValue()).stream().anyMatch(r -> all((Map<?, ?>) r, attributes));
                case "$not" -> !all((Map<?, ?>) entry.getValue(), attributes);
                default -> field(attributes.get(field), attributes.containsKey(field), entry.getValue());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean field(@Nullable Object actual, boolean present, @Nullable Object condition) {
        if (!(condition instanceof Map<?, ?> operators)) {
            return equal(actual, condition);
        }
        for (Map.Entry<?, ?> op : operators.entrySet()) {
            Object expected = op.getValue();
            boolean holds = switch (String.valueOf(op.getKey())) {
                case "$eq" -> equal(actual, expected);
                case "$ne" -> !equal(actual, expected);
                case "$in" -> list(expected).stream().anyMatch(e -> equal(actual, e));
                case "$nin" -> list(expected).stream().noneMatch(e -> equal(actual, e));
                case "$gt" -> ordered(actual, expected, c -> c > 0);
                case "$gte" -> ordered(actual, expected, c -> c >= 0);
                case "$lt" -> ordered(actual, expected, c -> c < 0);
                case "$lte" -> ordered(actual, expected, c -> c <= 0);
                case "$exists" -> present == Boolean.TRUE.equals(expected);
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(@Nullable Object actual, @Nullable Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        return Objects.equals(
                actual == null ? null : String.valueOf(actual), expected == null ? null : String.valueOf(expected));
    }

    /** Numbers compare as numbers, anything else as text; a missing attribute never matches. */
    private static boolean ordered(@Nullable Object actual, @Nullable Object expected, IntPredicate test) {
        if (actual == null || expected == null) {
            return false;
        }
        int comparison = actual instanceof Number a && expected instanceof Number e
                ? Double.compare(a.doubleValue(), e.doubleValue())
                : String.valueOf(actual).compareTo(String.valueOf(expected));
        return test.test(comparison);
    }

    private static List<?> list(@Nullable Object value) {
        return value instanceof Collection<?> c ? List.copyOf(c) : List.of();
    }

    private static void check(Map<?, ?> rule, String path, List<String> problems) {
        for (Map.Entry<?, ?> entry : rule.entrySet()) {
            String field = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            switch (field) {
                case "$and", "$or" -> {
                    if (!(value instanceof Collection<?> items)
                            || items.isEmpty()
                            || !items.stream().allMatch(i -> i instanceof Map<?, ?>)) {
                        problems.add(path + "." + field + " must be a non-empty array of conditions");
                    } else {
                        items.forEach(i -> check((Map<?, ?>) i, path + "." + field, problems));
                    }
                }
                case "$not" -> {
                    if (value instanceof Map<?, ?> inner) {
                        check(inner, path + ".$not", problems);
                    } else {
                        problems.add(path + ".$not must be a condition object");
                    }
                }
                default -> {
                    if (field.startsWith("$")) {
                        problems.add(path + ": unknown operator " + field);
                    } else if (value instanceof Map<?, ?> operators) {
                        operators.keySet().stream()
                                .map(String::valueOf)
                                .filter(op -> !OPERATORS.contains(op))
                                .forEach(op ->
                                        problems.add(path + "." + field + ": unknown operator " + op + " (use one of "
                                                + String.join(", ", new java.util.TreeSet<>(OPERATORS)) + ")"));
                        for (String listOp : List.of("$in", "$nin")) {
                            if (operators.containsKey(listOp) && !(operators.get(listOp) instanceof Collection<?>)) {
                                problems.add(path + "." + field + "." + listOp + " must be an array");
                            }
                        }
                    } else if (value instanceof Collection<?>) {
                        problems.add(path + "." + field + ": use {\"$in\": [...]} to match one of several values");
                    }
                }
            }
        }
    }
}
