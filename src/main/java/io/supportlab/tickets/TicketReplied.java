package io.supportlab.tickets;

/** Someone added to a ticket's conversation; published inside the same transaction. */
public record TicketReplied(Ticket ticket, Reply reply) {}
