package io.supportlab.accounts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A bearer token as listed to its owner: never the secret, only its first characters. */
public record ApiToken(
        String id,
        String userId,
        String name,
        String prefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
