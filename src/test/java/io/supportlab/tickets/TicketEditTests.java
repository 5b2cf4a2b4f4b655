package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.problems.ConflictException;
import org.junit.jupiter.api.Test;

class TicketEditTests {

    static final TicketStatus NEW = TicketStatus.NEW;
    static final TicketPriority MEDIUM = TicketPriority.MEDIUM;

    @Test
    void appliesOnlyTheFieldsTheAgentChanged() {
        var edit = new TicketEdit(NEW, MEDIUM, "", "team1", NEW, MEDIUM, "b@x", "team1", "Taking it");
        // Meanwhile a colleague raised the priority: the agent's form still says medium.
        TicketChange change = edit.against(ticket(NEW, TicketPriority.URGENT, null));
        assertThat(change).isEqualTo(new TicketChange(null, null, "b@x", null, "Taking it", null, null));
    }

    @Test
    void unassigningIsAChangeToEmpty() {
        var edit = new TicketEdit(NEW, MEDIUM, "a@x", "team1", NEW, MEDIUM, "", "team1", null);
        assertThat(edit.against(ticket(NEW, MEDIUM, "a@x")).assignee()).isEmpty();
    }

    @Test
    void theSameChangeByBothIsNoConflict() {
        var edit = new TicketEdit(NEW, MEDIUM, "", "team1", TicketStatus.IN_PROGRESS, MEDIUM, "", "team1", null);
        assertThat(edit.against(ticket(TicketStatus.IN_PROGRESS, MEDIUM, null)))
                .isEqualTo(new TicketChange(null, null, null, null, null, null, null));
    }

    @Test
    void theSameFieldChangedByBothDifferentlyIsAConflictNamingTheirValue() {
        var edit = new TicketEdit(NEW, MEDIUM, "", "team1", NEW, TicketPriority.LOW, "", "team1", null);
        assertThatThrownBy(() -> edit.against(ticket(NEW, TicketPriority.URGENT, null)))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getBody().getDetail()).contains("someone else set the priority to Urgent"));
    }

    @Test
    void untouchedFormChangesNothing() {
        var edit = new TicketEdit(NEW, MEDIUM, "", "team1", NEW, MEDIUM, "", "team1", null);
        assertThat(edit.against(ticket(TicketStatus.RESOLVED, TicketPriority.LOW, "z@x")))
                .isEqualTo(new TicketChange(null, null, null, null, null, null, null));
    }

    @Test
    void anAgentsTeamChangeIsApplied() {
        var edit = new TicketEdit(NEW, MEDIUM, "", "team1", NEW, MEDIUM, "", "team2", null);
        assertThat(edit.against(ticket(NEW, MEDIUM, null)))
                .isEqualTo(new TicketChange(null, null, null, "team2", null, null, null));
    }

    @Test
    void aColleaguesTeamChangeStaysWhenTheAgentChangedSomethingElse() {
        var edit = new TicketEdit(NEW, MEDIUM, "", "team1", NEW, TicketPriority.HIGH, "", "team1", null);
        Ticket moved = ticket(NEW, MEDIUM, null).toBuilder().team("team3").build();
        assertThat(edit.against(moved))
                .isEqualTo(new TicketChange(null, TicketPriority.HIGH, null, null, null, null, null));
    }

    @Test
    void anotherTeamChosenWhileAColleagueMovedTheTicketIsAConflictNamingTheirTeam() {
        var edit = new TicketEdit(NEW, MEDIUM, "", "team1", NEW, MEDIUM, "", "team2", null);
        Ticket moved = ticket(NEW, MEDIUM, null).toBuilder().team("team3").build();
        assertThatThrownBy(() -> edit.against(moved, java.util.Map.of("team3", "Billing")))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getBody().getDetail()).contains("someone else set the team to Billing"));
    }

    @Test
    void aPageFromBeforeTeamsLeavesTheTeamAlone() {
        var edit = new TicketEdit(NEW, MEDIUM, "", "", NEW, MEDIUM, "", "", null);
        assertThat(edit.against(ticket(NEW, MEDIUM, null)).team()).isNull();
    }

    static Ticket ticket(TicketStatus status, TicketPriority priority, String assignee) {
        return TicketRulesTests.ticket(status).toBuilder()
                .priority(priority)
                .assignee(assignee)
                .build();
    }
}
