package io.supportlab.macros;

import java.util.Arrays;
import java.util.Optional;

/**
 * The placeholders a macro's body may use, each written {@code {{name}}} (spaces inside the braces
 * allowed), and what fills it. The set is fixed and flat: no sections, loops or escaping, which is
 * why a plain substitution does this rather than a template library.
 */
public enum Placeholder {
    // Tickets hold no customer name yet, only the contact address, so the name is that address: it
    // reads correctly after "Hi" and "Dear", where an empty name or a made-up one would not.
    CUSTOMER_NAME("customer.name", "the customer's name (their email address, as tickets hold no name)"),
    CUSTOMER_EMAIL("customer.email", "the customer's email address"),
    TICKET_REFERENCE("ticket.reference", "the ticket's reference, e.g. SL-1042"),
    TICKET_TITLE("ticket.title", "the ticket's title"),
    TICKET_STATUS("ticket.status", "the ticket's status when the macro is picked, e.g. In Progress"),
    AGENT_NAME("agent.name", "your display name"),
    AGENT_EMAIL("agent.email", "your email address");

    private final String key;
    private final String meaning;

    Placeholder(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    /** As written in a body: {@code {{customer.name}}}. */
    public String token() {
        return "{{" + key + "}}";
    }

    public String meaning() {
        return meaning;
    }

    static Optional<Placeholder> named(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    String valueFor(MacroBody.Values values) {
        return switch (this) {
            case CUSTOMER_NAME -> values.ticket().contactEmail();
            case CUSTOMER_EMAIL -> values.ticket().contactEmail();
            case TICKET_REFERENCE -> values.ticket().reference();
            case TICKET_TITLE -> values.ticket().title();
            case TICKET_STATUS -> values.ticket().status().label();
            case AGENT_NAME -> values.agentName();
            case AGENT_EMAIL -> values.agentEmail();
        };
    }
}
