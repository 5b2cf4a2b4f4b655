package io.supportlab.tickets;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a ticket is; the seed's low/medium/high plus urgent. */
public enum TicketPriority {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    URGENT("urgent");

    private final String value;

    TicketPriority(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public String label() {
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    public static TicketPriority fromValue(String value) {
        for (TicketPriority priority : values()) {
            if (priority.value.equals(value)) {
                return priority;
            }
        }
        throw new IllegalArgumentException("Unknown ticket priority " + value);
    }
}
