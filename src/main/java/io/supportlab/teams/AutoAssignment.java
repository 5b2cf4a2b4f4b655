package io.supportlab.teams;

/**
 * The assignee a team's mode picked for a ticket.
 *
 * @param email the member's email, as tickets name their assignee
 */
public record AutoAssignment(String email, AssignmentMode mode, String teamName) {

    /** Who automatic assignments are recorded as having been made by. */
    public static final String ACTOR = "system";

    /** The note the ticket's history shows with the assignment. */
    public String note() {
        return "Automatic assignment (" + mode.label().toLowerCase(java.util.Locale.ROOT) + " in team " + teamName
                + ")";
    }
}
