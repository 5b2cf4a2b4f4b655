package io.supportlab.tickets;

/**
 * A ticket was submitted. Published inside the creating transaction, so a listener that writes
 * (the notification outbox) commits or rolls back with the ticket.
 */
public record TicketCreated(Ticket ticket) {}
