package io.supportlab.teams;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a team picks the assignee of a ticket that arrives unassigned. */
public enum AssignmentMode {
    /** Nobody is picked: an agent takes the ticket or is given it. */
    MANUAL("manual", "Manual"),
    /** The available members take turns, in a fixed order. */
    ROUND_ROBIN("round-robin", "Round-robin"),
    /** The available member with the fewest open tickets (neither resolved nor closed). */
    FEWEST_OPEN("fewest-open", "Fewest open tickets");

    private final String value;
    private final String label;

    AssignmentMode(String value, String label) {
        this.value = value;
        this.label = label;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public boolean automatic() {
        return this != MANUAL;
    }

    public static AssignmentMode fromValue(String value) {
        for (AssignmentMode mode : values()) {
            if (mode.value.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown assignment mode " + value);
    }
}
