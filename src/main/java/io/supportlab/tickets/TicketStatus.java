package io.supportlab.tickets;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Where a ticket is in its life. The transitions are explicit (Zendesk's and Zammad's model): the
 * open statuses (new, in progress, pending, on hold) move freely among each other and to resolved
 * or closed; a resolved ticket can be reopened, a closed one is final (a customer with a new
 * problem opens a new ticket).
 *
 * <p>Pending and on hold say whom the ticket waits for: pending waits on the customer, on hold on
 * a third party. Customers are told only what is true for them (see {@link #shownToCustomer}).
 */
public enum TicketStatus {
    NEW("new", "New"),
    IN_PROGRESS("in-progress", "In Progress"),
    PENDING("pending", "Pending"),
    ON_HOLD("on-hold", "On Hold"),
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

    /** The statuses this one may change to, in the order of the enum. */
    public List<TicketStatus> next() {
        return switch (this) {
            case NEW -> List.of(IN_PROGRESS, PENDING, ON_HOLD, RESOLVED, CLOSED);
            case IN_PROGRESS -> List.of(NEW, PENDING, ON_HOLD, RESOLVED, CLOSED);
            case PENDING -> List.of(NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED);
            case ON_HOLD -> List.of(NEW, IN_PROGRESS, PENDING, RESOLVED, CLOSED);
            case RESOLVED -> List.of(IN_PROGRESS, CLOSED);
            case CLOSED -> List.of();
        };
    }

    public boolean canBecome(TicketStatus target) {
        return next().contains(target);
    }

    /** Whether the ticket is open and waits for someone else than staff (a reply from the customer reopens it). */
    public boolean waiting() {
        return this == PENDING || this == ON_HOLD;
    }

    /**
     * The status a customer sees. On hold is staff's wording for "we wait on someone else": for the
     * customer the work goes on, so it shows as in progress (and a change between the two is no
     * change to them). Pending stays, as it asks the customer to act (see {@link #customerLabel}).
     */
    public TicketStatus shownToCustomer() {
        return this == ON_HOLD ? IN_PROGRESS : this;
    }

    /** How the customer's pages name the status they see. */
    public String customerLabel() {
        return this == PENDING ? "Awaiting your reply" : shownToCustomer().label();
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
