package io.supportlab.tickets;

/** What the public confirmation page shows after a ticket was submitted. */
public record SubmittedTicket(String reference, String email) {}
