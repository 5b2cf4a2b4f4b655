package io.supportlab.tickets;

import org.jspecify.annotations.Nullable;

/**
 * Someone added to a ticket's conversation; published inside the same transaction.
 *
 * @param statusBefore the ticket's status before, when the reply changed it ({@code ticket} has the
 *     new one), or null
 */
public record TicketReplied(
        Ticket ticket, Reply reply, @Nullable TicketStatus statusBefore) {}
