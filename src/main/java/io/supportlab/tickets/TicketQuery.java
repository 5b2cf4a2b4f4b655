package io.supportlab.tickets;

import io.supportlab.platform.paging.NewestFirst;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.SqlDialect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The FROM, WHERE and ORDER BY clauses and the parameters of a ticket list page. Only constant SQL
 * fragments are joined; every user value is a named parameter.
 *
 * <p>Filtered by tags, the page is read from the first tag's index entries, which hold the ticket's
 * creation time ({@code ticket_tags (tag, ticket_created_at DESC, ticket_id DESC)}): newest first,
 * joined to each ticket by its key, until the page is full. {@code CROSS JOIN} makes SQLite start
 * there (PostgreSQL plans it from its statistics). The other tags are looked up per ticket by the
 * primary key {@code (ticket_id, tag)}.
 */
record TicketQuery(String from, String where, String orderAndLimit, Map<String, Object> params) {

    private static final String WORD_MATCH = "lower(title) LIKE :%1$s ESCAPE '\\'"
            + " OR lower(description) LIKE :%1$s ESCAPE '\\' OR lower(contact_email) LIKE :%1$s ESCAPE '\\'";

    static TicketQuery of(TicketFilter filter, PageRequest page, SqlDialect dialect) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        where.append(" AND spam = :spam");
        params.put("spam", Boolean.TRUE.equals(filter.spam()));
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().value());
        }
        if (filter.priority() != null) {
            where.append(" AND priority = :priority");
            params.put("priority", filter.priority().value());
        }
        if (TicketFilter.UNASSIGNED.equals(filter.assignee())) {
            where.append(" AND assignee IS NULL");
        } else if (filter.assignee() != null && !filter.assignee().isBlank()) {
            where.append(" AND assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.team() != null && !filter.team().isBlank()) {
            where.append(" AND team_id = :team");
            params.put("team", filter.team());
        }
        List<String> tags = filter.tags();
        for (int i = 1; i < tags.size(); i++) {
            where.append(" AND EXISTS (SELECT 1 FROM ticket_tags t")
                    .append(i)
                    .append(" WHERE t")
                    .append(i)
                    .append(".ticket_id = tickets.id AND t")
                    .append(i)
                    .append(".tag = :tag")
                    .append(i)
                    .append(')');
            params.put("tag" + i, tags.get(i));
        }
        List<String> words = filter.words();
        for (int i = 0; i < words.size(); i++) {
            String name = "word" + i;
            where.append(" AND (").append(WORD_MATCH.formatted(name));
            params.put(name, "%" + escapeLike(words.get(i)) + "%");
            OptionalLong number = Ticket.numberIn(words.get(i));
            if (number.isPresent()) { // a reference: the ticket itself, and tickets that mention it
                where.append(" OR number = :number").append(i);
                params.put("number" + i, number.getAsLong());
            }
            where.append(')');
        }
        if (tags.isEmpty()) {
            NewestFirst.continueAfter(page, where, params, dialect);
            return new TicketQuery(" FROM tickets", where.toString(), NewestFirst.ORDER_AND_LIMIT, params);
        }
        where.append(" AND t0.tag = :tag0 AND tickets.id = t0.ticket_id");
        params.put("tag0", tags.getFirst());
        PageRequest.Position after = page.after();
        if (after != null) {
            where.append(" AND (t0.ticket_created_at < :afterAt"
                    + " OR (t0.ticket_created_at = :afterAt AND t0.ticket_id < :afterId))");
            params.put("afterAt", dialect.timestamp(after.createdAt()));
            params.put("afterId", after.id());
        }
        params.put("limit", page.probeSize());
        return new TicketQuery(
                " FROM ticket_tags t0 CROSS JOIN tickets",
                where.toString(),
                " ORDER BY t0.ticket_created_at DESC, t0.ticket_id DESC LIMIT :limit",
                params);
    }

    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
