package io.supportlab.platform.problems;

/**
 * One invalid field in a request, as listed in the {@code errors} member of a validation problem.
 *
 * @param field the JSON name of the field or query parameter ({@code contact_email}, {@code
 *     variants[1].weight})
 * @param message why the value was rejected
 */
public record FieldError(String field, String message) {}
