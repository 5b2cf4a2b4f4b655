package io.supportlab.notifications;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One email in the outbox, with the seed's fields (id, ticket_id, recipient_email,
 * notification_type, subject, content, status, sent_at, created_at) and its delivery state.
 *
 * <p>Subject and content are the stored copy, rendered by the dispatcher after the change that wrote
 * the row committed (and on reading until then), with the customer's sign-in and unsubscribe links shown as {@code
 * [redacted: ...]}: staff may read it, so it holds nothing that acts as the customer. The email sent
 * is rendered again from {@code parameters} with freshly minted links.
 *
 * @param content the plain-text part
 * @param lastError why the last attempt failed, or why the notification was skipped
 * @param threadId the Message-ID of the ticket's first email, which later ones refer to
 * @param parameters the {@link MailModel} as JSON; null for rows written before emails were
 *     rendered when sent (they are sent as stored)
 */
public record Notification(
        String id,
        @Nullable String ticketId,
        String recipientEmail,
        NotificationType notificationType,
        String subject,
        String content,
        @JsonIgnore @Nullable String htmlContent,
        NotificationStatus status,
        int attempts,
        @Nullable String lastError,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant sentAt,
        Instant createdAt,
        String messageId,
        @Nullable String threadId,
        @Nullable String digestId,
        @JsonIgnore @Nullable String parameters) {

    /** This notification with its stored copy: subject, text part and HTML part. */
    Notification withCopy(String subject, String content, String html) {
        return new Notification(
                id,
                ticketId,
                recipientEmail,
                notificationType,
                subject,
                content,
                html,
                status,
                attempts,
                lastError,
                nextAttemptAt,
                sentAt,
                createdAt,
                messageId,
                threadId,
                digestId,
                parameters);
    }

    /** The subject, or what the email is about when it could not be rendered. */
    @JsonIgnore
    public String displaySubject() {
        return subject.isEmpty() ? "(" + notificationType.value().replace('_', ' ') + " email, not rendered)" : subject;
    }
}
