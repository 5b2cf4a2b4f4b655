package io.supportlab.tickets;

import java.io.Serializable;

/**
 * What the public confirmation page shows after a ticket was submitted.
 *
 * @param confirmationEmail whether a confirmation email is on its way (unless the address turned
 *     emails off or has had many lately); false for a flagged ticket, which mails nobody
 * Serializable: it reaches that page as a flash attribute, in the session.
 */
public record SubmittedTicket(String reference, String email, boolean confirmationEmail) implements Serializable {}
