package io.supportlab.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.teams.Assignment.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who of a team gets its next ticket, without a database. */
class AssignmentTests {

    static final Candidate ANN = new Candidate("u1", "ann@x", true);
    static final Candidate BEN = new Candidate("u2", "ben@x", true);
    static final Candidate CAT = new Candidate("u3", "cat@x", true);

    static Candidate away(Candidate c) {
        return new Candidate(c.userId(), c.email(), false);
    }

    static List<String> roundRobin(List<Candidate> members, int tickets) {
        List<String> got = new ArrayList<>();
        String last = null;
        for (int i = 0; i < tickets; i++) {
            Optional<Candidate> next = Assignment.choose(AssignmentMode.ROUND_ROBIN, members, last, Map.of());
            if (next.isEmpty()) {
                got.add("nobody");
                continue;
            }
            got.add(next.get().email());
            last = next.get().userId();
        }
        return got;
    }

    @Test
    void manualPicksNobody() {
        assertThat(Assignment.choose(AssignmentMode.MANUAL, List.of(ANN, BEN), null, Map.of()))
                .isEmpty();
    }

    @Test
    void roundRobinTakesTurnsInAccountOrderWhateverTheListOrder() {
        assertThat(roundRobin(List.of(CAT, ANN, BEN), 7))
                .containsExactly("ann@x", "ben@x", "cat@x", "ann@x", "ben@x", "cat@x", "ann@x");
    }

    @Test
    void roundRobinContinuesAfterTheLastAssignedEvenWhenTheyLeftTheTeam() {
        // ben got the last ticket, then left: the turn goes on to cat, not back to ann.
        assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, List.of(ANN, CAT), "u2", Map.of()))
                .contains(CAT);
        assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, List.of(ANN, CAT), "u3", Map.of()))
                .contains(ANN);
    }

    @Test
    void awayMembersAreSkippedAndKeepNoTurn() {
        assertThat(roundRobin(List.of(ANN, away(BEN), CAT), 4)).containsExactly("ann@x", "cat@x", "ann@x", "cat@x");
        // Back from being away, ben's turn comes when the order reaches him, not at once.
        assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, List.of(ANN, BEN, CAT), "u3", Map.of()))
                .contains(ANN);
    }

    @Test
    void nobodyAvailableLeavesTheTicketUnassigned() {
        assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, List.of(away(ANN), away(BEN)), null, Map.of()))
                .isEmpty();
        assertThat(Assignment.choose(AssignmentMode.FEWEST_OPEN, List.of(away(ANN)), "u1", Map.of()))
                .isEmpty();
        assertThat(Assignment.choose(AssignmentMode.ROUND_ROBIN, List.of(), null, Map.of()))
                .isEmpty();
    }

    @Test
    void fewestOpenTakesTheLeastLoadedAvailableMember() {
        Map<String, Long> open = Map.of("ann@x", 3L, "ben@x", 1L, "cat@x", 2L);
        assertThat(Assignment.choose(AssignmentMode.FEWEST_OPEN, List.of(ANN, BEN, CAT), null, open))
                .contains(BEN);
        assertThat(Assignment.choose(AssignmentMode.FEWEST_OPEN, List.of(ANN, away(BEN), CAT), null, open))
                .contains(CAT);
        // Members without open tickets count as none.
        assertThat(Assignment.choose(AssignmentMode.FEWEST_OPEN, List.of(ANN, BEN, CAT), null, Map.of("ann@x", 1L)))
                .contains(BEN);
    }

    @Test
    void fewestOpenBreaksTiesByTurnSoEquallyLoadedMembersAlternate() {
        Map<String, Long> open = Map.of("ann@x", 2L, "ben@x", 2L, "cat@x", 5L);
        assertThat(Assignment.choose(AssignmentMode.FEWEST_OPEN, List.of(ANN, BEN, CAT), null, open))
                .contains(ANN);
        assertThat(Assignment.choose(AssignmentMode.FEWEST_OPEN, List.of(ANN, BEN, CAT), "u1", open))
                .contains(BEN);
        assertThat(Assignment.choose(AssignmentMode.FEWEST_OPEN, List.of(ANN, BEN, CAT), "u2", open))
                .contains(ANN);
    }
}
