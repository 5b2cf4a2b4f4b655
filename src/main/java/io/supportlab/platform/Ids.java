package io.supportlab.platform;

import java.util.UUID;

/** Identifiers are UUID strings, as in the seed. */
public final class Ids {

    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether {@code text} is a UUID in its canonical form, so lookups can answer 404 early. */
    public static boolean isValid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
