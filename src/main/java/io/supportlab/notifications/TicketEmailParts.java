package io.supportlab.notifications;

import io.supportlab.platform.web.Format;
import io.supportlab.tickets.TicketPageParts;
import org.springframework.stereotype.Component;

/** Where the ticket pages load the emails sent about a ticket and a contact's email settings from. */
@Component
class TicketEmailParts implements TicketPageParts {

    @Override
    public String emailLogPath(String ticketId) {
        return NotificationWebController.TICKET_EMAILS.replace("{id}", Format.query(ticketId));
    }

    @Override
    public String contactSettingsPath(String contactEmail) {
        return NotificationWebController.EDIT_PREFERENCES + "?email=" + Format.query(contactEmail);
    }
}
