package io.supportlab.platform.web;

import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

/**
 * Validation messages of a submitted page form, by field name, to show next to each field.
 * Serializable: a form shown again after a redirect carries them in the session.
 */
public record FormErrors(Map<String, String> byField) implements Serializable {

    public static final FormErrors NONE = new FormErrors(Map.of());

    public static FormErrors of(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), String.valueOf(e.getDefaultMessage())));
        binding.getGlobalErrors().forEach(e -> errors.putIfAbsent("", String.valueOf(e.getDefaultMessage())));
        return new FormErrors(errors);
    }

    /**
     * The binding's errors in words for people: each is looked up in {@code messages*.properties}
     * by its codes ({@code NotBlank.newTicket.title}, {@code NotBlank.title}, ...), falling back to
     * the validator's own message.
     */
    public static FormErrors of(BindingResult binding, MessageSource messages, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
        binding.getGlobalErrors().forEach(e -> errors.putIfAbsent("", messages.getMessage(e, locale)));
        return new FormErrors(errors);
    }

    /** The fields of a 400 problem ({@link InvalidRequestException#errors()}), for the form that was sent. */
    public static FormErrors of(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        return new FormErrors(byField);
    }

    public static FormErrors of(String field, String message) {
        return new FormErrors(Map.of(field, message));
    }

    /** The errors with the given fields first, in the order given (the form's), then any others. */
    public List<Map.Entry<String, String>> inOrder(List<String> fields) {
        List<Map.Entry<String, String>> ordered = new ArrayList<>();
        fields.stream().filter(byField::containsKey).forEach(f -> ordered.add(Map.entry(f, byField.get(f))));
        byField.entrySet().stream().filter(e -> !fields.contains(e.getKey())).forEach(ordered::add);
        return ordered;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public @Nullable String get(String field) {
        return byField.get(field);
    }
}
