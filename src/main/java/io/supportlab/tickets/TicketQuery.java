package io.supportlab.tickets;

import io.supportlab.platform.paging.NewestFirst;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.SqlDialect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The WHERE clause and parameters of a ticket list page. Only constant SQL fragments are joined;
 * every user value is a named parameter.
 */
record TicketQuery(String where, Map<String, Object> params) {

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
        NewestFirst.continueAfter(page, where, params, dialect);
        return new TicketQuery(where.toString(), params);
    }

    static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
