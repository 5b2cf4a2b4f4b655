package io.supportlab.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list and the cursor of the next page, if there is one.
 *
 * @param nextCursor opaque cursor for the next page, or null on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    /**
     * Cuts a result fetched with {@link PageRequest#probeSize()} rows to the page, deriving the
     * next cursor from the last item kept.
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, String> cursorOfItem) {
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<T> items = List.copyOf(rows.subList(0, request.limit()));
        return new Page<>(items, cursorOfItem.apply(items.getLast()));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
