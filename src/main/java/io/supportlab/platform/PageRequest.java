package io.supportlab.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A keyset page request: how many items, and after which one. The cursor is opaque to clients; it
 * carries the sort key of the last item of the previous page.
 */
public record PageRequest(int limit, @Nullable List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String SEPARATOR = "\u001f";

    /**
     * Reads the {@code limit} and {@code cursor} query parameters.
     *
     * @param keyParts how many values the sort key has, to reject cursors of another list
     * @throws InvalidRequestException when the limit is out of range or the cursor is not ours
     */
    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor, int keyParts) {
        int resolved = limit == null ? DEFAULT_LIMIT : limit;
        if (resolved < 1 || resolved > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(resolved, cursor == null || cursor.isBlank() ? null : decode(cursor, keyParts));
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** The cursor that continues after an item with this sort key. */
    public static String cursor(String... keyParts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, keyParts).getBytes(StandardCharsets.UTF_8));
    }

    /** One more than the limit: a repository fetches it to know whether a next page exists. */
    public int probeSize() {
        return limit + 1;
    }

    public String afterPart(int index) {
        if (after == null) {
            throw new IllegalStateException("first page has no cursor");
        }
        return after.get(index);
    }

    private static List<String> decode(String cursor, int keyParts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(text.split(SEPARATOR, -1));
            if (parts.size() == keyParts && parts.stream().noneMatch(String::isEmpty)) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the validation error
        }
        throw new InvalidRequestException("cursor", "is not a valid page cursor; use the one from the Link header");
    }
}
