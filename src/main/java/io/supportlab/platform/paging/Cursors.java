package io.supportlab.platform.paging;

import io.supportlab.platform.problems.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one encoding of page cursors (URL-safe base64 of the sort-key values) and of page sizes. */
final class Cursors {

    private static final String SEPARATOR = "\u001f";
    /** Longer than any sort key we write; a longer cursor is not ours. */
    private static final int MAX_LENGTH = 512;

    private Cursors() {}

    static int limit(@Nullable Integer limit, int defaultLimit) {
        int resolved = limit == null ? defaultLimit : limit;
        if (resolved < 1 || resolved > PageRequest.MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        return resolved;
    }

    static String encode(String... parts) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code parts} non-empty values of a cursor this application wrote. */
    static List<String> decode(String cursor, int parts) {
        if (cursor.length() <= MAX_LENGTH) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                List<String> values = Arrays.asList(text.split(SEPARATOR, -1));
                if (values.size() == parts && values.stream().noneMatch(String::isBlank)) {
                    return values;
                }
            } catch (IllegalArgumentException e) {
                // not base64: answered below like any other foreign cursor
            }
        }
        throw invalid();
    }

    static InvalidRequestException invalid() {
        return new InvalidRequestException("cursor", "is not a valid page cursor; use the one from the Link header");
    }
}
