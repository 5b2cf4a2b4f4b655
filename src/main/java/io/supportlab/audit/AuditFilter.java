package io.supportlab.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the audit log; all optional and combined with AND.
 *
 * @param actor exact staff email
 * @param action an action ({@code login.failed}) or a prefix ending in a dot ({@code ticket.})
 * @param target exact target
 * @param from first day (UTC) to include
 * @param to last day (UTC) to include
 */
public record AuditFilter(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String target,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
