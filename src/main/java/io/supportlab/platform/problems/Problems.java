package io.supportlab.platform.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builders for the problems that every feature reports the same way. */
public final class Problems {

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private Problems() {}

    /** A 400 validation problem listing every invalid field. */
    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(errors));
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }

    /** A 429 problem; the caller also sets the {@code Retry-After} header. */
    public static ProblemDetail tooManyRequests(String detail, long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setType(ProblemTypes.TOO_MANY_REQUESTS);
        problem.setTitle("Too many requests");
        problem.setProperty("retry_after", retryAfterSeconds);
        return problem;
    }

    /** The field errors of a problem built by {@link #validation(List)}. */
    /** Query or form parameters that cannot be decoded (bad percent-encoding or charset). */
    public static ProblemDetail badParameters() {
        return UnreadableBody.badParameters();
    }

    /** A request body above {@code maxBytes}: 413 naming the limit. */
    public static ProblemDetail payloadTooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the limit of " + maxBytes + " bytes");
        problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
        problem.setTitle("Payload too large");
        problem.setProperty("max_bytes", maxBytes);
        return problem;
    }

    public static List<FieldError> errorsOf(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        if (properties == null || !(properties.get("errors") instanceof List<?> list)) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof FieldError error) {
                errors.add(error);
            }
        }
        return errors;
    }

    /** The JSON (snake_case) name of a Java property path: {@code contactEmail} → {@code contact_email}. */
    public static String jsonName(String javaPath) {
        return CAMEL_HUMP.matcher(javaPath).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Shortens user input that is echoed in a message, so a huge value cannot bloat a response. */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            FieldError only = errors.getFirst();
            return only.field().isEmpty() ? only.message() : only.field() + ": " + only.message();
        }
        return errors.size() + " fields are invalid";
    }
}
