package io.supportlab.platform.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Normalises user text before it is stored. */
public final class Text {

    /** C0 control characters other than tab, line feed and carriage return (NUL breaks PostgreSQL). */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private Text() {}

    /** Strips control characters and surrounding whitespace; markup is kept and escaped on output. */
    public static String clean(String text) {
        return CONTROL.matcher(text).replaceAll("").strip();
    }

    public static @Nullable String cleanOrNull(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String cleaned = clean(text);
        return cleaned.isEmpty() ? null : cleaned;
    }
}
