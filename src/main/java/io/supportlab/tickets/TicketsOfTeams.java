package io.supportlab.tickets;

import io.supportlab.platform.persistence.Ids;
import io.supportlab.teams.TeamTickets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What teams ask of tickets ({@link TeamTickets}): open tickets per agent, and a deleted team's tickets. */
@Component
class TicketsOfTeams implements TeamTickets {

    private final TicketRepository tickets;
    private final ConversationRepository conversation;
    private final Clock clock;

    TicketsOfTeams(TicketRepository tickets, ConversationRepository conversation, Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> openTicketsOf(Collection<String> assigneeEmails) {
        return tickets.openPerAssignee(assigneeEmails);
    }

    /**
     * Locks the team's tickets first (PostgreSQL), so a colleague's save of one of them either
     * happened before or waits and then sees the new team; then records the move in each ticket's
     * timeline and moves them all in one statement.
     */
    @Override
    public int moveAll(String fromTeamId, String fromTeamName, String toTeamId, String by) {
        Instant now = Instant.now(clock);
        List<String> ids = tickets.idsInTeamForUpdate(fromTeamId);
        for (String id : ids) {
            conversation.insert(
                    new FieldChange(Ids.newId(), id, FieldChange.Field.TEAM, fromTeamId, toTeamId, by, now));
            conversation.insert(new FieldChange(
                    Ids.newId(), id, FieldChange.Field.NOTE, null, "Team " + fromTeamName + " was deleted", by, now));
        }
        return ids.isEmpty() ? 0 : tickets.moveTeam(fromTeamId, toTeamId, now);
    }
}
