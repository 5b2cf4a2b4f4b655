package io.supportlab.tickets;

import org.jspecify.annotations.Nullable;

/** A ticket moved from one status to another; published inside the changing transaction. */
public record TicketStatusChanged(
        Ticket ticket,
        TicketStatus from,
        TicketStatus to,
        String changedBy,
        @Nullable String notes) {}
