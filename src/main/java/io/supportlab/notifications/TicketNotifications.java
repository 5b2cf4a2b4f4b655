package io.supportlab.notifications;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.platform.EmailAddress;
import io.supportlab.tickets.CustomerAccessRequested;
import io.supportlab.tickets.Reply;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketCreated;
import io.supportlab.tickets.TicketReplied;
import io.supportlab.tickets.TicketStatus;
import io.supportlab.tickets.TicketStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns ticket events into customer emails. These listeners run synchronously inside the
 * transaction that published the event, so the outbox row commits (or rolls back) with the change;
 * they only write the row (what the email is to say), the dispatcher renders it later. A ticket
 * flagged as spam mails nobody: its address may not be the sender's.
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
            return;
        }
        write(
                ticket,
                new MailModel.TicketCreatedMail(
                        ticket.reference(), ticket.title(), ticket.description(), ticket.priority()));
    }

    /**
     * A status change that came with an emailed reply is told in that reply's email: one email, not
     * two. The customer is told the statuses they see ({@link TicketStatus#shownToCustomer}), so a
     * change that is none to them (in progress to on hold and back) mails nothing.
     */
    @EventListener
    void statusChanged(TicketStatusChanged event) {
        Ticket ticket = event.ticket();
        TicketStatus from = event.from().shownToCustomer();
        TicketStatus to = event.to().shownToCustomer();
        if (ticket.spam() || from == to || (event.reply() != null && emailed(event.reply()))) {
            return;
        }
        write(
                ticket,
                new MailModel.StatusUpdateMail(
                        ticket.reference(), ticket.title(), from, to, event.notes() == null ? "" : event.notes()));
    }

    @EventListener
    void replied(TicketReplied event) {
        Ticket ticket = event.ticket();
        if (ticket.spam() || !emailed(event.reply())) {
            return;
        }
        TicketStatus status = ticket.status().shownToCustomer();
        TicketStatus changedFrom = event.statusBefore();
        TicketStatus before = changedFrom == null ? null : changedFrom.shownToCustomer();
        write(
                ticket,
                new MailModel.TicketReplyMail(
                        ticket.reference(),
                        ticket.title(),
                        event.reply().body(),
                        before == status ? null : before,
                        status));
    }

    @EventListener
    void accessRequested(CustomerAccessRequested event) {
        outbox.write(new Outbox.Draft(
                EmailAddress.of(event.email()),
                null,
                new MailModel.AccessLinkMail(customerAccess.linkValidity().toDays())));
    }

    /** Public staff replies go to the customer; internal notes and the customer's own replies do not. */
    private static boolean emailed(Reply reply) {
        return reply.isPublic() && !reply.fromCustomer();
    }

    private void write(Ticket ticket, MailModel mail) {
        outbox.write(new Outbox.Draft(EmailAddress.of(ticket.contactEmail()), ticket.id(), mail));
    }
}
