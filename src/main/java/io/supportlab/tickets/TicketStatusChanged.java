package io.supportlab.tickets;

import org.jspecify.annotations.Nullable;

/**
 * A ticket moved from one status to another; published inside the changing transaction.
 *
 * @param reply the reply that moved it (a staff member's first public answer, a customer's reply to
 *     a resolved ticket), or null for a direct change; {@link TicketReplied} follows for it
 */
public record TicketStatusChanged(
        Ticket ticket,
        TicketStatus from,
        TicketStatus to,
        String changedBy,
        @Nullable String notes,
        @Nullable Reply reply) {}
