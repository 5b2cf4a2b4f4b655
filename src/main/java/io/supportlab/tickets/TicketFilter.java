package io.supportlab.tickets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the ticket list; all optional and combined with AND.
 *
 * @param assignee a staff email, or {@code "none"} for unassigned tickets
 * @param query words that must each appear in the title, the description or the contact email
 * @param spam true for the tickets the public form flagged as spam only; otherwise they are left out
 * @param team a team's id (or, from the API, its name: {@link TicketService#list} turns it into the id)
 */
public record TicketFilter(
        @Nullable TicketStatus status,
        @Nullable TicketPriority priority,
        @Nullable String assignee,
        @Nullable String query,
        @Nullable Boolean spam,
        @Nullable String team) {

    public static final String UNASSIGNED = "none";
    static final int MAX_WORDS = 8;

    public static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null);

    TicketFilter withTeam(String teamId) {
        return new TicketFilter(status, priority, assignee, query, spam, teamId);
    }

    /** The search words, lower-cased, at most {@value #MAX_WORDS} of them. */
    List<String> words() {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return Arrays.stream(query.toLowerCase(Locale.ROOT).strip().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .distinct()
                .limit(MAX_WORDS)
                .toList();
    }
}
