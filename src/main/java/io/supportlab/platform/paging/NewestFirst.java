package io.supportlab.platform.paging;

import io.supportlab.platform.persistence.SqlDialect;
import java.util.Map;

/**
 * The SQL of a keyset page of a list ordered newest first by {@code (created_at, id)}: the rows
 * strictly after the previous page's last one, in that order, one more than the page holds (to
 * know whether there is a next page). Every such list of every feature pages through here.
 */
public final class NewestFirst {

    /** Ends the query: the order and the limit (its parameter is put by {@link #continueAfter}). */
    public static final String ORDER_AND_LIMIT = " ORDER BY created_at DESC, id DESC LIMIT :limit";

    private NewestFirst() {}

    /**
     * Adds to a {@code WHERE} clause the condition that keeps only rows after {@code page}'s cursor
     * (nothing on a first page), and puts its parameters and the limit.
     */
    public static void continueAfter(
            PageRequest page, StringBuilder where, Map<String, Object> params, SqlDialect dialect) {
        PageRequest.Position after = page.after();
        if (after != null) {
            where.append(" AND (created_at < :afterAt OR (created_at = :afterAt AND id < :afterId))");
            params.put("afterAt", dialect.timestamp(after.createdAt()));
            params.put("afterId", after.id());
        }
        params.put("limit", page.probeSize());
    }
}
