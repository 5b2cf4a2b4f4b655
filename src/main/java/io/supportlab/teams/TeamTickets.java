package io.supportlab.teams;

import java.util.Collection;
import java.util.Map;

/**
 * What teams need to know about tickets. The tickets feature answers it; it depends on this feature,
 * so the question is asked through this interface and the dependency keeps pointing one way.
 */
public interface TeamTickets {

    /**
     * How many open tickets (neither resolved nor closed, not spam) each of these staff members is
     * assigned; a member with none may be left out.
     */
    Map<String, Long> openTicketsOf(Collection<String> assigneeEmails);

    /**
     * Moves every ticket of a team to another, in the caller's transaction, recording the move in
     * each ticket's history. Assignees stay; nobody is assigned automatically.
     *
     * @param fromTeamName the deleted team's name, for the history (its id will name nothing)
     * @return how many tickets moved
     */
    int moveAll(String fromTeamId, String fromTeamName, String toTeamId, String by);
}
