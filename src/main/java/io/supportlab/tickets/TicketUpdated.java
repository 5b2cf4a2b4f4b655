package io.supportlab.tickets;

/** Priority or assignee of a ticket changed (status changes are {@link TicketStatusChanged}). */
public record TicketUpdated(Ticket ticket, String changedBy) {}
