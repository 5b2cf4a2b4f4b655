package io.supportlab.experiments;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Mutual exclusion: experiments in the same namespace with disjoint ranges never share a user. A
 * user belongs to the experiment whose range holds their namespace bucket (GrowthBook's {@code
 * inNamespace}).
 */
public record Namespace(
        @NotBlank @Size(max = 64) @Nullable String id,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Nullable Double start,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Nullable Double end) {

    boolean contains(String userId) {
        double n = Hashing.namespaceBucket(java.util.Objects.requireNonNull(id), userId);
        return n >= java.util.Objects.requireNonNull(start) && n < java.util.Objects.requireNonNull(end);
    }

    /** {@code pricing:0:0.5}, as the conformance vectors write it. */
    static Namespace parse(String text) {
        String[] parts = text.split(":");
        return new Namespace(parts[0], Double.valueOf(parts[1]), Double.valueOf(parts[2]));
    }
}
