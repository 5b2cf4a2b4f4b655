package io.supportlab.macros;

import io.supportlab.tickets.Ticket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A macro's body as text with {@link Placeholder}s: checked when the macro is saved, filled in for
 * a ticket and an agent when it is previewed or applied.
 */
final class MacroBody {

    /** What the placeholders are filled with. */
    record Values(Ticket ticket, String agentName, String agentEmail) {}

    /** A {@code {{...}}} in the body: where it is, as written, and the placeholder it names if any. */
    private record Token(int start, int end, String text, Optional<Placeholder> placeholder) {}

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]+(\\.[A-Za-z_]+)*");
    /** How much of an unclosed {@code {{} a message quotes. */
    private static final int QUOTED = 30;

    private static final String KNOWN =
            Arrays.stream(Placeholder.values()).map(Placeholder::token).collect(Collectors.joining(", "));

    private MacroBody() {}

    /**
     * A placeholder that is unknown or malformed.
     *
     * @param placeholder as written (an unclosed one up to the end of its line, at most 30 characters)
     * @param message why, for the person who wrote it
     */
    record Problem(String placeholder, String message) {}

    /** Every placeholder of {@code body} that is unknown or malformed, in the order they appear. */
    static List<Problem> problems(String body) {
        List<Problem> problems = new ArrayList<>();
        int from = 0;
        for (int start = body.indexOf(OPEN); start >= 0; start = body.indexOf(OPEN, from)) {
            Token token = tokenAt(body, start);
            if (token == null) {
                String quoted = quote(body, start);
                problems.add(new Problem(quoted, "placeholder " + quoted + " is not closed with }} on its line"));
                from = start + OPEN.length();
                continue;
            }
            if (token.placeholder().isEmpty()) {
                String name = token.text().substring(OPEN.length(), token.text().length() - CLOSE.length());
                String kind = NAME.matcher(name.strip()).matches() ? "unknown" : "malformed";
                problems.add(new Problem(token.text(), kind + " placeholder " + token.text() + "; use " + KNOWN));
            }
            from = token.end();
        }
        return problems;
    }

    /**
     * The body with each placeholder filled in. Saved bodies were checked; anything that is not a
     * placeholder (an unclosed brace pair) stays as written.
     */
    static String render(String body, Values values) {
        StringBuilder out = new StringBuilder(body.length() + 64);
        int from = 0;
        for (int start = body.indexOf(OPEN); start >= 0; start = body.indexOf(OPEN, from)) {
            Token token = tokenAt(body, start);
            if (token == null) {
                out.append(body, from, start + OPEN.length());
                from = start + OPEN.length();
                continue;
            }
            out.append(body, from, token.start());
            out.append(token.placeholder().map(p -> p.valueFor(values)).orElse(token.text()));
            from = token.end();
        }
        return out.append(body, from, body.length()).toString();
    }

    /**
     * The {@code {{...}}} starting at {@code start}, or null when it is not closed before the line
     * ends or another one opens.
     */
    private static @Nullable Token tokenAt(String body, int start) {
        int close = body.indexOf(CLOSE, start + OPEN.length());
        int reopen = body.indexOf(OPEN, start + OPEN.length());
        int lineEnd = body.indexOf('\n', start);
        if (close < 0 || (reopen >= 0 && reopen < close) || (lineEnd >= 0 && lineEnd < close)) {
            return null;
        }
        int end = close + CLOSE.length();
        String inner = body.substring(start + OPEN.length(), close).strip();
        return new Token(start, end, body.substring(start, end), Placeholder.named(inner));
    }

    /** An unclosed placeholder as far as it goes: to the end of its line or the next one, at most 30 characters. */
    private static String quote(String body, int start) {
        int end = body.length();
        int lineEnd = body.indexOf('\n', start);
        if (lineEnd >= 0) {
            end = lineEnd;
        }
        int reopen = body.indexOf(OPEN, start + OPEN.length());
        if (reopen >= 0 && reopen < end) {
            end = reopen;
        }
        String text = body.substring(start, end).strip();
        return text.length() > QUOTED ? text.substring(0, QUOTED) + "…" : text;
    }
}
