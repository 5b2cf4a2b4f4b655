package io.supportlab.tickets;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ticket in the list, with the status choices of its dropdown and, after a failed change, why.
 *
 * @param filter the list's filters, which a click on one of the ticket's tags narrows further; null
 *     when the card is shown on its own (after a status change), where a tag link filters by it alone
 */
public record TicketCard(
        Ticket ticket, @Nullable String error, @Nullable TicketFilter filter) {

    public TicketCard(Ticket ticket, @Nullable String error) {
        this(ticket, error, null);
    }

    public List<TicketStatus> statusChoices() {
        return TicketView.choices(ticket);
    }

    /** The list with the same filters and this tag too. */
    public String tagLink(String tag) {
        return (filter == null ? TicketFilter.NONE : filter).withTag(tag).pageAddress();
    }
}
