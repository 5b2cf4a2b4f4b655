package io.supportlab.tickets;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
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
 * @param tags the ticket's tags from now on (replacing all it had; {@code []} removes them), as
 *     {@link TicketTags} checks them; absent or null: unchanged
 */
public record TicketChange(
        @Nullable TicketStatus status,
        @Nullable TicketPriority priority,
        @Size(max = 254) @Nullable String assignee,
        @Size(max = 100) @Nullable String team,
        @Size(max = TicketChange.MAX_NOTES) @Nullable String notes,
        @Min(1) @Nullable Integer version,
        @Nullable List<@Nullable String> tags) {

    public static final int MAX_NOTES = 2_000;

    /** A change of status, priority, assignee and notes only; the team and the tags stay. */
    public TicketChange(
            @Nullable TicketStatus status,
            @Nullable TicketPriority priority,
            @Nullable String assignee,
            @Nullable String notes,
            @Nullable Integer version) {
        this(status, priority, assignee, null, notes, version, null);
    }

    public static TicketChange status(TicketStatus status, @Nullable String notes) {
        return new TicketChange(status, null, null, null, notes, null, null);
    }

    TicketChange withAssignee(String assignee) {
        return new TicketChange(status, priority, assignee, team, notes, version, tags);
    }

    TicketChange withTeam(String team) {
        return new TicketChange(status, priority, assignee, team, notes, version, tags);
    }
}
