package io.supportlab.accounts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Staff roles. An admin can do everything an agent can (see the role hierarchy). */
public enum Role {
    ADMIN,
    AGENT;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    static Role fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
