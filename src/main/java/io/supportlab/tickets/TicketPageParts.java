package io.supportlab.tickets;

/**
 * What the notifications feature shows on the staff pages of tickets, from its own addresses: the
 * emails sent about a ticket, and a contact's email settings. The pages know those addresses only
 * through this interface, which notifications implements, so that the dependency is in the code
 * (where the module check sees it) rather than hidden in a template, and keeps pointing one way.
 */
public interface TicketPageParts {

    /** The htmx fragment listing the emails sent about a ticket. */
    String emailLogPath(String ticketId);

    /** The htmx fragment, for the dialog, with the email settings of a contact address. */
    String contactSettingsPath(String contactEmail);
}
