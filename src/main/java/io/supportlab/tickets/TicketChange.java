package io.supportlab.tickets;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What {@code PUT /api/tickets/{id}} may change. Absent fields stay as they are.
 *
 * @param assignee an email: assign to that staff member; {@code ""}: unassign; absent or null:
 *     unchanged
 * @param team a team's id or name: move the ticket there (unassigned, it gets the team's automatic
 *     assignment); absent or null: unchanged
 * @param notes why the status changed; kept in the history
 * @param version the version the change is based on; when given and the ticket has changed since,
 *     the update is refused with 409
 */
public record TicketChange(
        @Nullable TicketStatus status,
        @Nullable TicketPriority priority,
        @Size(max = 254) @Nullable String assignee,
        @Size(max = 100) @Nullable String team,
        @Size(max = TicketChange.MAX_NOTES) @Nullable String notes,
        @Min(1) @Nullable Integer version) {

    public static final int MAX_NOTES = 2_000;

    public static TicketChange status(TicketStatus status, @Nullable String notes) {
        return new TicketChange(status, null, null, null, notes, null);
    }

    TicketChange withAssignee(String assignee) {
        return new TicketChange(status, priority, assignee, team, notes, version);
    }

    TicketChange withTeam(String team) {
        return new TicketChange(status, priority, assignee, team, notes, version);
    }
}
