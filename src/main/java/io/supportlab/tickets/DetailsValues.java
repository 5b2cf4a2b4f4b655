package io.supportlab.tickets;

import org.jspecify.annotations.Nullable;

/**
 * What the ticket's details form shows as chosen: the ticket's own values, or what the agent chose
 * when their save could not be applied (kept so nothing they did is lost).
 *
 * @param assignee an email, or {@code ""} for unassigned
 * @param team a team id
 */
public record DetailsValues(TicketStatus status, TicketPriority priority, String assignee, String team, String notes) {

    static DetailsValues of(Ticket ticket) {
        return new DetailsValues(
                ticket.status(),
                ticket.priority(),
                ticket.assignee() == null ? "" : ticket.assignee(),
                ticket.team(),
                "");
    }

    static DetailsValues chosen(TicketEdit edit, Ticket current) {
        return new DetailsValues(
                edit.status(),
                edit.priority(),
                edit.assignee(),
                edit.team().isEmpty() ? current.team() : edit.team(),
                nonNull(edit.notes()));
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }
}
