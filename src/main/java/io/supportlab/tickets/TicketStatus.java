package io.supportlab.tickets;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Where a ticket is in its life. The transitions are explicit: a resolved ticket can be reopened,
 * a closed one is final (a customer with a new problem opens a new ticket).
 */
public enum TicketStatus {
    NEW("new", "New"),
    IN_PROGRESS("in-progress", "In Progress"),
    RESOLVED("resolved", "Resolved"),
    CLOSED("closed", "Closed");

    private final String value;
    private final String label;

    TicketStatus(String value, String label) {
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

    /** The statuses this one may change to. */
    public List<TicketStatus> next() {
        return switch (this) {
            case NEW -> List.of(IN_PROGRESS, RESOLVED, CLOSED);
            case IN_PROGRESS -> List.of(NEW, RESOLVED, CLOSED);
            case RESOLVED -> List.of(IN_PROGRESS, CLOSED);
            case CLOSED -> List.of();
        };
    }

    public boolean canBecome(TicketStatus target) {
        return next().contains(target);
    }

    public static TicketStatus fromValue(String value) {
        for (TicketStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown ticket status " + value);
    }
}
