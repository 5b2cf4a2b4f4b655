package io.supportlab.platform.paging;

import io.supportlab.platform.problems.InvalidRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A keyset page request for a list ordered newest first: how many items, and after which one. Every
 * such list (tickets, FAQs, experiments, the audit log) sorts by creation time and id, so the
 * cursor carries exactly those two values of the last item of the previous page. It is opaque to
 * clients and checked here, once: a damaged or foreign cursor is a 400 naming {@code cursor}, never
 * an error deeper down.
 */
public record PageRequest(int limit, @Nullable Position after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The sort key of the item a page starts after. */
    public record Position(Instant createdAt, String id) {}

    /**
     * Reads the {@code limit} and {@code cursor} query parameters.
     *
     * @throws InvalidRequestException when the limit is out of range or the cursor is not ours
     */
    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
        int resolved = Cursors.limit(limit, DEFAULT_LIMIT);
        if (cursor == null || cursor.isBlank()) {
            return new PageRequest(resolved, null);
        }
        var parts = Cursors.decode(cursor, 2);
        try {
            return new PageRequest(resolved, new Position(Instant.parse(parts.get(0)), parts.get(1)));
        } catch (DateTimeParseException e) {
            throw Cursors.invalid();
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The cursor that continues after an item with this sort key. */
    public static String cursor(Instant createdAt, String id) {
        return Cursors.encode(createdAt.toString(), id);
    }

    /** One more than the limit: a repository fetches it to know whether a next page exists. */
    public int probeSize() {
        return limit + 1;
    }
}
