package io.supportlab.tickets;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/** A message in a ticket's conversation: public (the customer sees it) or an internal note. */
public record Reply(
        String id,
        String ticketId,
        AuthorType authorType,
        String author,
        String body,
        Visibility visibility,
        Instant createdAt) {

    public enum Visibility {
        PUBLIC,
        INTERNAL;

        @JsonValue
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum AuthorType {
        AGENT,
        CUSTOMER;

        @JsonValue
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The same reply shown with another author (a staff member's public name, for customers). */
    Reply by(String shownAuthor) {
        return new Reply(id, ticketId, authorType, shownAuthor, body, visibility, createdAt);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    public boolean fromCustomer() {
        return authorType == AuthorType.CUSTOMER;
    }
}
