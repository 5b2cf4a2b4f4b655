package io.supportlab.tickets;

import io.supportlab.platform.live.LiveUpdates;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open agent pages about every ticket change once it is committed: {@code ticket-changed}
 * for lists, {@code ticket-<id>} for the page of that ticket.
 */
@Component
class TicketLiveUpdates {

    private static final Logger log = LoggerFactory.getLogger(TicketLiveUpdates.class);
    static final String CHANNEL = "tickets";
    static final String ANY_TICKET = "ticket-changed";

    private final LiveUpdates live;

    TicketLiveUpdates(LiveUpdates live) {
        this.live = live;
    }

    static String eventFor(String ticketId) {
        return "ticket-" + ticketId;
    }

    @TransactionalEventListener
    void created(TicketCreated event) {
        announce(event.ticket());
    }

    @TransactionalEventListener
    void statusChanged(TicketStatusChanged event) {
        announce(event.ticket());
    }

    @TransactionalEventListener
    void replied(TicketReplied event) {
        announce(event.ticket());
    }

    @TransactionalEventListener
    void updated(TicketUpdated event) {
        announce(event.ticket());
    }

    private void announce(Ticket ticket) {
        try {
            live.publish(CHANNEL, List.of(ANY_TICKET, eventFor(ticket.id())), ticket.id());
        } catch (RuntimeException e) {
            // The change is committed; a missed live notice only means a page refreshes later.
            log.warn("Could not announce the change of ticket {}: {}", ticket.id(), e.getMessage());
        }
    }
}
