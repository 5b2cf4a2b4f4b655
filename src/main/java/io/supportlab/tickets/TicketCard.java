package io.supportlab.tickets;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ticket in the list, with the status choices of its dropdown and, after a failed change, why.
 */
public record TicketCard(Ticket ticket, @Nullable String error) {

    public List<TicketStatus> statusChoices() {
        return TicketView.choices(ticket);
    }
}
