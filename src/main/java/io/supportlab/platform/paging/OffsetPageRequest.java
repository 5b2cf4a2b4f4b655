package io.supportlab.platform.paging;

import org.jspecify.annotations.Nullable;

/**
 * A page of a ranking (search results), which has no stable sort key to continue after: the cursor
 * is the position of the page's first item. Checked like {@link PageRequest}'s cursor.
 */
public record OffsetPageRequest(int limit, int offset) {

    /**
     * Reads the {@code limit} and {@code cursor} query parameters.
     *
     * @param defaultLimit the page size when the caller names none
     */
    public static OffsetPageRequest of(@Nullable Integer limit, @Nullable String cursor, int defaultLimit) {
        int resolved = Cursors.limit(limit, defaultLimit);
        if (cursor == null || cursor.isBlank()) {
            return new OffsetPageRequest(resolved, 0);
        }
        try {
            int offset = Integer.parseInt(Cursors.decode(cursor, 1).getFirst());
            if (offset < 0) {
                throw Cursors.invalid();
            }
            return new OffsetPageRequest(resolved, offset);
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }

    /** The cursor of the page that starts at {@code offset}. */
    public static String cursor(int offset) {
        return Cursors.encode(Integer.toString(offset));
    }
}
