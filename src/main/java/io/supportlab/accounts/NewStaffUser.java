package io.supportlab.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What an admin enters to create a staff account (the admin page and {@code POST /api/users}). */
public record NewStaffUser(
        @NotBlank @Email @Size(max = 254) @Nullable String email,
        @NotBlank @Size(max = 100) @Nullable String displayName,

        @NotNull
        @Size(
                min = PasswordPolicy.MIN_LENGTH,
                max = PasswordPolicy.MAX_BYTES,
                message = "must have between {min} and {max} characters")
        @Nullable
        String password,

        @NotNull @Nullable Role role) {}
