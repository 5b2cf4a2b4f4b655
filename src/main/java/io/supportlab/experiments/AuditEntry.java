package io.supportlab.experiments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of an experiment's audit log: who did what, when. Never changed or deleted. */
public record AuditEntry(
        String id,
        String testId,
        String actor,
        String action,
        @Nullable String details,
        Instant createdAt) {}
