package io.supportlab.notifications;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.tickets.CustomerAccessRequested;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketCreated;
import io.supportlab.tickets.TicketReplied;
import io.supportlab.tickets.TicketStatusChanged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns ticket events into customer emails. These listeners run synchronously inside the
 * transaction that published the event, so the outbox row commits (or rolls back) with the change.
 */
@Component
class TicketNotifications {

    private final Outbox outbox;
    private final CustomerAccess customerAccess;

    TicketNotifications(Outbox outbox, CustomerAccess customerAccess) {
        this.outbox = outbox;
        this.customerAccess = customerAccess;
    }

    @EventListener
    void created(TicketCreated event) {
        Ticket ticket = event.ticket();
        if (ticket.spam()) {
            return; // the address may not be the sender's: flagged tickets mail nobody
        }
        outbox.write(new Outbox.Draft(
                NotificationType.TICKET_CREATED,
                ticket.contactEmail(),
                ticket.id(),
                "ticketCreated",
                Map.of("ticket", ticket),
                new Object[] {ticket.reference(), ticket.title()}));
    }

    @EventListener
    void statusChanged(TicketStatusChanged event) {
        Ticket ticket = event.ticket();
        outbox.write(new Outbox.Draft(
                NotificationType.STATUS_UPDATE,
                ticket.contactEmail(),
                ticket.id(),
                "statusUpdate",
                Map.of(
                        "ticket",
                        ticket,
                        "from",
                        event.from(),
                        "to",
                        event.to(),
                        "notes",
                        event.notes() == null ? "" : event.notes()),
                new Object[] {ticket.reference(), ticket.title()}));
    }

    /** Public staff replies go to the customer; internal notes and the customer's own replies do not. */
    @EventListener
    void replied(TicketReplied event) {
        if (!event.reply().isPublic() || event.reply().fromCustomer()) {
            return;
        }
        Ticket ticket = event.ticket();
        outbox.write(new Outbox.Draft(
                NotificationType.TICKET_REPLY,
                ticket.contactEmail(),
                ticket.id(),
                "ticketReply",
                Map.of("ticket", ticket, "reply", event.reply()),
                new Object[] {ticket.reference(), ticket.title()}));
    }

    @EventListener
    void accessRequested(CustomerAccessRequested event) {
        outbox.write(new Outbox.Draft(
                NotificationType.ACCESS_LINK,
                event.email(),
                null,
                "accessLink",
                Map.of("validityDays", customerAccess.linkValidity().toDays()),
                new Object[0]));
    }
}
