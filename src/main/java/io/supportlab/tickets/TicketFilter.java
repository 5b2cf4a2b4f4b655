package io.supportlab.tickets;

import io.supportlab.platform.problems.InvalidRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the ticket list; all optional and combined with AND.
 *
 * @param assignee a staff email, or {@code "none"} for unassigned tickets
 * @param query words that must each appear in the title, the description or the contact email
 * @param spam true for the tickets the public form flagged as spam only; otherwise they are left out
 * @param team a team's id (or, from the API, its name: {@link TicketService#list} turns it into the id)
 * @param tag tags the tickets must all carry (the parameter repeats: {@code ?tag=a&tag=b}); blank
 *     ones are ignored
 */
public record TicketFilter(
        @Nullable TicketStatus status,
        @Nullable TicketPriority priority,
        @Nullable String assignee,
        @Nullable String query,
        @Nullable Boolean spam,
        @Nullable String team,
        @Nullable List<String> tag) {

    public static final String UNASSIGNED = "none";
    static final int MAX_WORDS = 8;

    public static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null, null);

    TicketFilter withTeam(String teamId) {
        return new TicketFilter(status, priority, assignee, query, spam, teamId, tag);
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

    /**
     * The tags asked for, normalised as {@link TicketTags} stores them, in the order given.
     *
     * @throws InvalidRequestException ({@code tag}) for one that cannot be a tag, or more than a
     *     ticket can carry
     */
    public List<String> tags() {
        if (tag == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String each : tag) {
            if (each != null && !each.isBlank()) {
                tags.add(TicketTags.tag(each, "tag"));
            }
        }
        if (tags.size() > TicketTags.MAX_PER_TICKET) {
            throw new InvalidRequestException(
                    "tag", "a ticket has at most " + TicketTags.MAX_PER_TICKET + " tags, so no more can match");
        }
        return List.copyOf(tags);
    }

    /**
     * The list page with these filters, as its filter form puts them in the address ({@code
     * /tickets?status=new&tag=billing}).
     */
    public String pageAddress() {
        List<String> params = new ArrayList<>();
        add(params, "query", query == null || query.isBlank() ? null : query);
        add(params, "status", status == null ? null : status.value());
        add(params, "priority", priority == null ? null : priority.value());
        add(params, "assignee", assignee == null || assignee.isBlank() ? null : assignee);
        add(params, "team", team == null || team.isBlank() ? null : team);
        add(params, "spam", Boolean.TRUE.equals(spam) ? "true" : null);
        tags().forEach(t -> add(params, "tag", t));
        return params.isEmpty() ? "/tickets" : "/tickets?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, @Nullable String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** The same filters with one more tag, or one less (for the list page's tag links). */
    public TicketFilter withTag(String added) {
        List<String> tags = new ArrayList<>(tags());
        if (!tags.contains(added)) {
            tags.add(added);
        }
        return new TicketFilter(status, priority, assignee, query, spam, team, tags);
    }

    public TicketFilter withoutTag(String removed) {
        return new TicketFilter(
                status,
                priority,
                assignee,
                query,
                spam,
                team,
                tags().stream().filter(t -> !t.equals(removed)).toList());
    }
}
