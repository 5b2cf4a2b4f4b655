package io.supportlab.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One staff action.
 *
 * @param actor email of the staff member, {@code anonymous} for failed logins, {@code system}
 * @param action what happened, dotted: {@code login.failed}, {@code ticket.status_changed}
 * @param target what it happened to: a ticket reference, a FAQ id, or a person who may be a
 *     customer as {@code hmac:...}, the keyed hash of their address ({@link AuditLog#subject})
 * @param details free text: the change, the reason
 * @param address the client address the request came from; null for background jobs
 */
public record AuditEntry(
        String id,
        Instant createdAt,
        String actor,
        String action,
        @Nullable String target,
        @Nullable String details,
        @Nullable String address) {}
