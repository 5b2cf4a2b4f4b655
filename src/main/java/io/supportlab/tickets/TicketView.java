package io.supportlab.tickets;

import io.supportlab.accounts.StaffUser;
import io.supportlab.platform.web.FormErrors;
import io.supportlab.teams.TeamRef;
import java.util.List;

/**
 * One ticket with its conversation and timeline, for the agent's ticket page.
 *
 * @param teams every team, for the team picker and to name the ticket's
 * @param details what the details form shows as chosen
 * @param emailReach how a public reply reaches the customer's address
 */
public record TicketView(
        Ticket ticket,
        List<Reply> replies,
        List<TimelineEntry> timeline,
        List<StaffUser> staff,
        List<TeamRef> teams,
        DetailsValues details,
        FormErrors errors,
        CustomerEmailReach.Reach emailReach) {

    /** What the public-reply choice says, so that nobody expects an email that will not be sent. */
    public String publicReplyLabel() {
        if (ticket.spam()) {
            return "Public reply (not emailed: the ticket is flagged as spam)";
        }
        return switch (emailReach) {
            case IMMEDIATELY -> "Public reply (emailed to " + ticket.contactEmail() + ")";
            case IN_DIGEST -> "Public reply (in the digest email to " + ticket.contactEmail() + ")";
            case NOT_EMAILED ->
                "Public reply (not emailed: " + ticket.contactEmail()
                        + " turned ticket emails off; it shows on their ticket page)";
        };
    }

    /** The name of the ticket's team. */
    public String teamName() {
        return teams.stream()
                .filter(t -> t.id().equals(ticket.team()))
                .map(TeamRef::name)
                .findFirst()
                .orElse("");
    }

    /** The statuses offered in the status picker: the current one and those it may become. */
    public List<TicketStatus> statusChoices() {
        return choices(ticket);
    }

    /** The current status and those it may become, in the enum's order (the order of a ticket's life). */
    static List<TicketStatus> choices(Ticket ticket) {
        return java.util.Arrays.stream(TicketStatus.values())
                .filter(s -> s == ticket.status() || ticket.status().canBecome(s))
                .toList();
    }
}
