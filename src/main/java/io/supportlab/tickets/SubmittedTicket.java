package io.supportlab.tickets;

/**
 * What the public confirmation page shows after a ticket was submitted.
 *
 * @param confirmationEmail whether a confirmation email is on its way (unless the address turned
 *     emails off or has had many lately); false for a flagged ticket, which mails nobody
 */
public record SubmittedTicket(String reference, String email, boolean confirmationEmail) {}
