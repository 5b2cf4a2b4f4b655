package io.supportlab.tickets;

import io.supportlab.platform.persistence.Ids;
import java.util.Locale;
import java.util.Optional;

/**
 * How a request names a ticket: by id, or by reference ({@code SL-1042}, any case). Either way it
 * is one indexed lookup of one column, so a change can read and lock its ticket in one statement.
 *
 * @param column {@code id} or {@code number}
 * @param value the id (lower case) or the reference's number
 */
record TicketKey(String column, Object value) {

    /** The key {@code idOrReference} names; empty when it is neither an id nor a reference. */
    static Optional<TicketKey> of(String idOrReference) {
        if (Ids.isValid(idOrReference)) {
            return Optional.of(new TicketKey("id", idOrReference.toLowerCase(Locale.ROOT)));
        }
        String upper = idOrReference.toUpperCase(Locale.ROOT);
        if (upper.startsWith(Ticket.REFERENCE_PREFIX) && upper.length() <= 15) {
            try {
                long number = Long.parseLong(upper.substring(Ticket.REFERENCE_PREFIX.length()));
                return Optional.of(new TicketKey("number", number));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
