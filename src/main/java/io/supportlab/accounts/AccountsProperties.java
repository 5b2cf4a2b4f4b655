package io.supportlab.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The first admin, created on a start with no users.
 *
 * @param email {@code SUPPORTLAB_ADMIN_EMAIL}
 * @param password {@code SUPPORTLAB_ADMIN_PASSWORD}, used on the first start only and checked by
 *     {@link PasswordPolicy} (a weak one stops the start); when absent a password is generated and
 *     printed once to the log. A lost admin password is reset with {@link AdminPasswordReset}
 */
@Validated
@ConfigurationProperties("supportlab.admin")
record AccountsProperties(
        @NotBlank @Email @DefaultValue("admin@supportlab.local")
        String email,

        @Nullable String password) {}
