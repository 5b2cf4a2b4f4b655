package io.supportlab.experiments;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One arm of an experiment. The first variant of an experiment is its control. */
public record Variant(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "may contain letters, digits, _ . - only")
        @Nullable
        String key,

        @Size(max = 100) @Nullable String name,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Nullable Double weight) {

    /**
     * The key of a variant of a stored experiment: keys are validated before anything is stored,
     * so this fails only on a variant that was never validated.
     */
    public String validKey() {
        return Objects.requireNonNull(key, "a variant without a key");
    }

    public String displayName() {
        return name == null || name.isBlank() ? String.valueOf(key) : name;
    }
}
