package io.supportlab.faq;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Only published articles are public and searchable. */
public enum FaqStatus {
    PUBLISHED,
    DRAFT;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FaqStatus fromValue(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
