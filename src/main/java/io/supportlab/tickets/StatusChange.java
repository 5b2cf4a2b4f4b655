package io.supportlab.tickets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a ticket's status history (the seed's {@code ticket_status_history}). The first
 * entry of every ticket has no old status. Entries are never changed or deleted.
 */
public record StatusChange(
        String id,
        String ticketId,
        @Nullable TicketStatus oldStatus,
        TicketStatus newStatus,
        String changedBy,
        @Nullable String notes,
        Instant changedAt) {

    /** The same entry with the statuses as the customer sees them ({@link TicketStatus#shownToCustomer}). */
    StatusChange shownToCustomer() {
        return new StatusChange(
                id,
                ticketId,
                oldStatus == null ? null : oldStatus.shownToCustomer(),
                newStatus.shownToCustomer(),
                changedBy,
                notes,
                changedAt);
    }

    /** The same entry shown with another author (a staff member's public name, for customers). */
    StatusChange by(String shownAuthor) {
        return new StatusChange(id, ticketId, oldStatus, newStatus, shownAuthor, notes, changedAt);
    }
}
