package io.supportlab.notifications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How often an address wants email: at once, collected in a daily or weekly digest, or never. */
public enum Frequency {
    IMMEDIATE,
    DAILY,
    WEEKLY,
    NONE;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Frequency fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
