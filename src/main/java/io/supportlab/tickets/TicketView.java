package io.supportlab.tickets;

import io.supportlab.accounts.StaffUser;
import io.supportlab.platform.FormErrors;
import java.util.List;

/** One ticket with its conversation and timeline, for the agent's ticket page. */
public record TicketView(
        Ticket ticket,
        List<Reply> replies,
        List<TimelineEntry> timeline,
        List<StaffUser> staff,
        DetailsValues details,
        FormErrors errors) {

    /** The statuses offered in the status picker: the current one and those it may become. */
    public List<TicketStatus> statusChoices() {
        return choices(ticket);
    }

    static List<TicketStatus> choices(Ticket ticket) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(ticket.status()), ticket.status().next().stream())
                .toList();
    }
}
