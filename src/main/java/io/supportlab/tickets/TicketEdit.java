package io.supportlab.tickets;

import io.supportlab.platform.problems.ConflictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an agent did in a ticket's details form, next to the values the form showed them. Only the
 * fields the agent changed are applied, so a colleague's change to another field in the meantime
 * stays; the same field changed by both to different values is a conflict the agent resolves.
 *
 * @param shownAssignee the assignee the form showed, {@code ""} for unassigned
 * @param assignee the assignee chosen, {@code ""} for unassigned
 * @param shownTeam the team id the form showed
 * @param team the team id chosen
 */
record TicketEdit(
        TicketStatus shownStatus,
        TicketPriority shownPriority,
        String shownAssignee,
        String shownTeam,
        TicketStatus status,
        TicketPriority priority,
        String assignee,
        String team,
        @Nullable String notes) {

    /** The change to apply to the ticket as it is now (team conflicts named by id). */
    TicketChange against(Ticket current) {
        return against(current, Map.of());
    }

    /**
     * The change to apply to the ticket as it is now.
     *
     * @param teamNames team ids to names, to say which team a colleague chose
     */
    TicketChange against(Ticket current, Map<String, String> teamNames) {
        Map<String, String> theirs = new LinkedHashMap<>();
        TicketStatus newStatus = pick(
                "status",
                shownStatus,
                status,
                current.status(),
                current.status().label(),
                theirs);
        TicketPriority newPriority = pick(
                "priority",
                shownPriority,
                priority,
                current.priority(),
                current.priority().label(),
                theirs);
        String now = current.assignee() == null ? "" : current.assignee();
        String newAssignee = pick("assignee", shownAssignee, assignee, now, now.isEmpty() ? "nobody" : now, theirs);
        String newTeam = shownTeam.isEmpty() // a page from before teams: the team stays
                ? null
                : pick(
                        "team",
                        shownTeam,
                        team,
                        current.team(),
                        teamNames.getOrDefault(current.team(), current.team()),
                        theirs);
        if (!theirs.isEmpty()) {
            List<String> what = new ArrayList<>();
            theirs.forEach((field, value) -> what.add("the " + field + " to " + value));
            throw new ConflictException(
                    "While you were editing, someone else set " + String.join(" and ", what)
                            + ". Your choices are kept below: save again to apply them.",
                    Map.of("current", theirs));
        }
        return new TicketChange(newStatus, newPriority, newAssignee, newTeam, notes, null, null);
    }

    /** The agent's value when they changed the field and nobody else did; null to leave the field alone. */
    private static <T> @Nullable T pick(
            String field, T shown, T chosen, T now, String nowLabel, Map<String, String> theirs) {
        if (Objects.equals(chosen, shown) || Objects.equals(chosen, now)) {
            return null; // untouched here, or already what the agent wants
        }
        if (!Objects.equals(now, shown)) {
            theirs.put(field, nowLabel);
            return null;
        }
        return chosen;
    }
}
