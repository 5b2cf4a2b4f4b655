package io.supportlab.notifications;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One email in the outbox, with the seed's fields (id, ticket_id, recipient_email,
 * notification_type, subject, content, status, sent_at, created_at) and its delivery state.
 *
 * @param content the plain-text part
 * @param lastError why the last attempt failed, or why the notification was skipped
 * @param threadId the Message-ID of the ticket's first email, which later ones refer to
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
        @JsonIgnore @Nullable String unsubscribeUrl,
        @Nullable String digestId) {}
