package io.supportlab.notifications;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code POST /api/preferences} body. Fields left out keep their stored (or default)
 * values.
 */
public record PreferencesChange(
        @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Size(max = 254) @Nullable
        String email,

        @Nullable Boolean emailNotifications,
        @Nullable Boolean smsNotifications,
        @Nullable Frequency notificationFrequency,
        @Size(max = 10) @Nullable String preferredLanguage) {}
