package io.supportlab.tickets;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A customer's problem, as the seed's API shows it, plus a human reference, the assignee, the
 * version for optimistic locking, and when staff first answered.
 *
 * @param reference short human name for emails and the UI, e.g. {@code SL-1042}
 * @param assignee email of the staff member working on it, if any (customers see the name the
 *     staff member chose, or "Support team")
 * @param version increases with every change; send it back ({@code If-Match} or {@code version})
 *     to update only if nobody else changed the ticket meanwhile
 * @param spam flagged as automated (the help center's honeypot, or too many public tickets for the
 *     address): kept for review, hidden from the default list, and the address gets no email
 */
public record Ticket(
        String id,
        String reference,
        String title,
        String description,
        TicketPriority priority,
        TicketStatus status,
        String contactEmail,
        @Nullable String assignee,
        int version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant firstResponseAt,
        boolean spam) {

    static final String REFERENCE_PREFIX = "SL-";

    /** How people write a reference: {@code SL-1042}, {@code sl-1042}, {@code #1042} or just {@code 1042}. */
    private static final Pattern WRITTEN_REFERENCE = Pattern.compile("(?i)(?:sl-|#)?(\\d{1,15})");

    static String reference(long number) {
        return REFERENCE_PREFIX + number;
    }

    /** The ticket number a word names, if it is written as a reference. */
    static OptionalLong numberIn(String word) {
        Matcher matcher = WRITTEN_REFERENCE.matcher(word.strip());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** The same ticket with another assignee shown (a staff member's public name, for customers). */
    Ticket assignedTo(String shownAssignee) {
        return new Ticket(
                id,
                reference,
                title,
                description,
                priority,
                status,
                contactEmail,
                shownAssignee,
                version,
                createdAt,
                updatedAt,
                firstResponseAt,
                spam);
    }
}
