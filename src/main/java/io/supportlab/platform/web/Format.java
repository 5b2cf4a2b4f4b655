package io.supportlab.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Formatting helpers for templates, so every page shows times and excerpts the same way. */
public final class Format {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Format() {}

    /** {@code 2025-01-31 14:05 UTC}; the page script shows it in the reader's time zone. */
    public static String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** ISO-8601, for {@code <time datetime>}. */
    public static String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** A value for a URL query parameter. */
    public static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** At most {@code max} characters, cut at a word boundary where possible. */
    public static String excerpt(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max / 2 ? cut : max).strip() + "…";
    }

    /** How long to wait, for messages: {@code 45 seconds}, {@code 3 minutes}, {@code 2 hours}. */
    public static String waitTime(long seconds) {
        if (seconds < 90) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) {
            return minutes + " minutes";
        }
        return ((minutes + 59) / 60) + " hours";
    }
}
