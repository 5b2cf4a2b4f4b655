package io.supportlab.teams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who of a team gets its next unassigned ticket. Members take turns in one fixed order (their
 * account ids, which do not change when a name does); the turn continues after the member who got
 * the last automatic assignment, so a member who was away or joined late neither loses nor gains
 * turns when they come back. Fewest-open takes the member with the fewest open tickets and breaks
 * ties by the same turn order, so equally loaded members also alternate.
 */
final class Assignment {

    /**
     * A member as the choice sees them.
     *
     * @param available false when away or deactivated
     */
    record Candidate(String userId, String email, boolean available) {}

    private Assignment() {}

    /**
     * The member who gets the ticket; empty when the mode is manual or nobody is available (the
     * ticket then stays unassigned).
     *
     * @param lastAssigned the user id of the member who got the team's last automatic assignment
     * @param openTickets open tickets per member email (absent: none); read for fewest-open only
     */
    static Optional<Candidate> choose(
            AssignmentMode mode,
            List<Candidate> members,
            @Nullable String lastAssigned,
            Map<String, Long> openTickets) {
        if (mode == AssignmentMode.MANUAL) {
            return Optional.empty();
        }
        List<Candidate> turns = turnOrder(members, lastAssigned);
        if (mode == AssignmentMode.ROUND_ROBIN || turns.isEmpty()) {
            return turns.stream().findFirst();
        }
        Candidate fewest = turns.getFirst();
        for (Candidate candidate : turns) {
            if (open(openTickets, candidate) < open(openTickets, fewest)) {
                fewest = candidate;
            }
        }
        return Optional.of(fewest);
    }

    /** The available members, starting with the one after {@code lastAssigned} and wrapping around. */
    static List<Candidate> turnOrder(List<Candidate> members, @Nullable String lastAssigned) {
        List<Candidate> available = members.stream()
                .filter(Candidate::available)
                .sorted(Comparator.comparing(Candidate::userId))
                .toList();
        if (lastAssigned == null) {
            return available;
        }
        List<Candidate> turns = new ArrayList<>();
        available.stream().filter(c -> c.userId().compareTo(lastAssigned) > 0).forEach(turns::add);
        available.stream().filter(c -> c.userId().compareTo(lastAssigned) <= 0).forEach(turns::add);
        return turns;
    }

    private static long open(Map<String, Long> openTickets, Candidate candidate) {
        return openTickets.getOrDefault(candidate.email(), 0L);
    }
}
