package io.supportlab.notifications;

import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an email says: the facts at the moment of the change, stored with the outbox row (as JSON)
 * and rendered into the email's templates when it is sent. Never links: those are minted for each
 * sent email. One record per {@link NotificationType}.
 */
public sealed interface MailModel {

    /** The arguments of the template's {@code <template>.subject} message. */
    Object[] subjectArgs();

    /** An email about a ticket: its subject names the reference and the title the customer wrote. */
    sealed interface TicketMail extends MailModel {
        String reference();

        String title();

        @Override
        default Object[] subjectArgs() {
            return new Object[] {reference(), CustomerText.defang(title())};
        }
    }

    /** A ticket was filed: the confirmation, with what the customer wrote. */
    record TicketCreatedMail(String reference, String title, String description, TicketPriority priority)
            implements TicketMail {}

    /** A ticket's status changed; {@code notes} are staff's ({@code ""} when none). */
    record StatusUpdateMail(String reference, String title, TicketStatus from, TicketStatus to, String notes)
            implements TicketMail {}

    /**
     * Staff answered in public.
     *
     * @param statusBefore the status before, when the reply changed it (one email says both)
     */
    record TicketReplyMail(
            String reference,
            String title,
            String body,
            @Nullable TicketStatus statusBefore,
            TicketStatus status) implements TicketMail {}

    /** The customer asked for a link to their tickets. */
    record AccessLinkMail(long validityDays) implements MailModel {
        @Override
        public Object[] subjectArgs() {
            return new Object[0];
        }
    }

    /** Held notifications, summed up. */
    record DigestMail(List<DigestItem> items, boolean weekly) implements MailModel {
        @Override
        public Object[] subjectArgs() {
            return new Object[] {items.size()};
        }
    }
}
