package io.supportlab.macros;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who may use a macro: the whole team (admins keep it), or only the staff member who owns it. */
public enum MacroVisibility {
    SHARED,
    PERSONAL;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
