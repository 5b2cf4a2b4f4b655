package io.supportlab.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the audit log; all optional and combined with AND.
 *
 * @param actor exact staff email
 * @param action an action ({@code login.failed}) or a prefix ending in a dot ({@code ticket.})
 * @param target exact target
 * @param subject an email address (or a name typed at the login): entries recorded about that
 *     person under its pseudonym
 * @param from first day (UTC) to include
 * @param to last day (UTC) to include
 */
public record AuditFilter(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String target,
        @Nullable String subject,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    /** Entries with {@code action} about {@code person}, e.g. the erasures of an address. */
    public static AuditFilter about(String person, String action) {
        return new AuditFilter(null, action, null, person, null, null);
    }
}
