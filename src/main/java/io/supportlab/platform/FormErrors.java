package io.supportlab.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/** Validation messages of a submitted page form, by field name, to show next to each field. */
public record FormErrors(Map<String, String> byField) {

    public static final FormErrors NONE = new FormErrors(Map.of());

    public static FormErrors of(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), String.valueOf(e.getDefaultMessage())));
        binding.getGlobalErrors().forEach(e -> errors.putIfAbsent("", String.valueOf(e.getDefaultMessage())));
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
