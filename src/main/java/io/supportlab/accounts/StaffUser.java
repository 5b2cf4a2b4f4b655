package io.supportlab.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A staff account as the rest of the application sees it (never with its password hash). */
public record StaffUser(
        String id,
        String email,
        String displayName,
        Role role,
        boolean active,
        Instant createdAt,
        @Nullable Instant lastLoginAt) {}
