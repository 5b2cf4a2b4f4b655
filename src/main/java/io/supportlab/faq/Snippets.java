package io.supportlab.faq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders text with marked ranges as safe HTML: everything HTML-escaped, control characters dropped, runs of
 * whitespace collapsed, and only the matched ranges wrapped in {@code <mark>}.
 */
final class Snippets {

    static final String ELLIPSIS = "…";

    private Snippets() {}

    /** A half-open range {@code [start, end)} of UTF-16 offsets into the text. */
    record Range(int start, int end) {}

    /** The whole of {@code text} (cut after {@code maxChars}), with {@code matches} marked. */
    static String whole(String text, List<Range> matches, int maxChars) {
        int end = Math.min(text.length(), maxChars);
        return render(text, 0, safeEnd(text, end), merge(matches));
    }

    /**
     * A window of about {@code maxChars} characters of {@code text} from a little before the first of {@code matches},
     * or its beginning when nothing matched.
     */
    static String window(String text, List<Range> matches, int maxChars) {
        List<Range> merged = merge(matches);
        int anchor = merged.isEmpty() ? 0 : merged.getFirst().start();
        // A little context before the first match reads better than starting on it.
        int start = anchor == 0 ? 0 : wordStart(text, Math.max(0, anchor - maxChars / 5));
        int end = start + maxChars >= text.length() ? text.length() : wordEnd(text, start + maxChars);
        return render(text, start, end, merged);
    }

    static List<Range> merge(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            if (!merged.isEmpty() && range.start() <= merged.getLast().end()) {
                Range previous = merged.removeLast();
                merged.add(new Range(previous.start(), Math.max(previous.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    private static String render(String text, int start, int end, List<Range> marks) {
        StringBuilder html = new StringBuilder(end - start + 32);
        if (start > 0) {
            html.append(ELLIPSIS);
        }
        int next = 0;
        boolean inMark = false;
        boolean lastWasSpace = false;
        for (int i = start; i < end; i++) {
            while (next < marks.size() && marks.get(next).end() <= i) {
                next++;
            }
            boolean marked = next < marks.size() && marks.get(next).start() <= i;
            if (marked != inMark) {
                html.append(marked ? "<mark>" : "</mark>");
                inMark = marked;
            }
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!lastWasSpace) {
                    html.append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            appendEscaped(html, c);
        }
        if (inMark) {
            html.append("</mark>");
        }
        if (end < text.length()) {
            html.append(ELLIPSIS);
        }
        return html.toString();
    }

    private static void appendEscaped(StringBuilder html, char c) {
        switch (c) {
            case '&' -> html.append("&amp;");
            case '<' -> html.append("&lt;");
            case '>' -> html.append("&gt;");
            case '"' -> html.append("&quot;");
            case '\'' -> html.append("&#39;");
            default -> {
                if (!Character.isISOControl(c)) {
                    html.append(c);
                }
            }
        }
    }

    /** Moves back to the start of the word at {@code index}, so a window does not open mid-word. */
    private static int wordStart(String text, int index) {
        int i = index;
        int limit = Math.max(0, index - 20);
        while (i > limit && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i == limit && limit > 0 ? safeStart(text, index) : i;
    }

    /** Moves back to the end of the word before {@code index}, so a window does not close mid-word. */
    private static int wordEnd(String text, int index) {
        int i = index;
        int limit = Math.max(0, index - 20);
        while (i > limit && !Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i == limit ? safeEnd(text, index) : i;
    }

    private static int safeStart(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index + 1 : index;
    }

    private static int safeEnd(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
