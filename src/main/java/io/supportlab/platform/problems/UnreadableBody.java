package io.supportlab.platform.problems;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Explains precisely why a request body could not be read as the expected JSON. */
final class UnreadableBody {

    private UnreadableBody() {}

    static ProblemDetail describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (!(cause instanceof JacksonException jackson)) {
            return malformed("The request body is missing or unreadable", List.of());
        }
        String field = path(jackson);
        return switch (jackson) {
            case StreamConstraintsException limit -> tooLarge(limit);
            case StreamReadException syntax ->
                malformed("Malformed JSON" + location(syntax) + ": " + original(syntax), List.of());
            case InvalidNullException nul -> fieldProblem(field, "must not be null");
            case InvalidFormatException format -> fieldProblem(field, invalidValue(format));
            case ValueInstantiationException instantiation -> fieldProblem(field, rootMessage(instantiation));
            case MismatchedInputException mismatch
            when mismatch.getTargetType() != null && !field.isEmpty() ->
                fieldProblem(field, "expected " + describeType(mismatch.getTargetType()));
            case MismatchedInputException mismatch
            when mismatch.getTargetType() != null ->
                malformed("The request body must be " + describeType(mismatch.getTargetType()), List.of());
            default ->
                field.isEmpty()
                        ? malformed("The request body could not be read: " + original(jackson), List.of())
                        : fieldProblem(field, original(jackson));
        };
    }

    /** Nesting deeper than allowed, or a string longer than allowed: each its own problem type. */
    private static ProblemDetail tooLarge(StreamConstraintsException limit) {
        String message = original(limit);
        boolean depth = message.toLowerCase(java.util.Locale.ROOT).contains("nesting depth");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                depth
                        ? "The JSON body nests arrays and objects too deeply: " + message
                        : "A value in the JSON body is too long: " + message);
        problem.setType(depth ? ProblemTypes.JSON_TOO_DEEP : ProblemTypes.JSON_VALUE_TOO_LONG);
        problem.setTitle(depth ? "JSON nested too deeply" : "JSON value too long");
        return problem;
    }

    /** Parameters that cannot be decoded (bad percent-encoding or charset). */
    static ProblemDetail badParameters() {
        return malformed(
                "The request's parameters are not correctly percent-encoded UTF-8 and could not be read", List.of());
    }

    /** How a Java type looks in JSON, for messages like "expected a string". */
    static String describeType(Class<?> type) {
        if (type.isEnum()) {
            return "one of: " + String.join(", ", enumValues(type));
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 timestamp such as 2025-01-31T12:00:00Z";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String invalidValue(InvalidFormatException format) {
        String given = Problems.abbreviate(String.valueOf(format.getValue()), 80);
        return "'" + given + "' is not " + describeType(format.getTargetType());
    }

    /** The wire values of an enum: its {@code @JsonValue} method when it has one, else the names. */
    static List<String> enumValues(Class<?> enumType) {
        Method jsonValue = Arrays.stream(enumType.getMethods())
                .filter(m -> m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class))
                .findFirst()
                .orElse(null);
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> {
                    try {
                        return jsonValue == null
                                ? ((Enum<?>) constant).name()
                                : String.valueOf(jsonValue.invoke(constant));
                    } catch (ReflectiveOperationException e) {
                        return ((Enum<?>) constant).name();
                    }
                })
                .collect(Collectors.toList());
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(StreamReadException ex) {
        TokenStreamLocation location = ex.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String original(JacksonException ex) {
        String message = ex.getOriginalMessage();
        if (message == null) {
            return "unreadable value";
        }
        int newline = message.indexOf('\n');
        return Problems.abbreviate(newline < 0 ? message : message.substring(0, newline), 200);
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "is invalid" : Problems.abbreviate(root.getMessage(), 200);
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        return malformed(field.isEmpty() ? message : field + ": " + message, List.of(new FieldError(field, message)));
    }

    private static ProblemDetail malformed(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(ProblemTypes.MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
