package io.supportlab.notifications;

import org.jspecify.annotations.Nullable;

/**
 * An email as providers send it.
 *
 * @param messageId our {@code Message-ID}, without angle brackets
 * @param threadId the {@code Message-ID} this one answers ({@code In-Reply-To}, {@code References}),
 *     or null for the first email of a thread
 * @param unsubscribeUrl for the {@code List-Unsubscribe} headers, or null
 */
record OutgoingMail(
        String from,
        String to,
        String subject,
        String text,
        @Nullable String html,
        String messageId,
        @Nullable String threadId,
        @Nullable String unsubscribeUrl) {

    static OutgoingMail of(Notification n, String from) {
        String thread = n.threadId() != null && !n.threadId().equals(n.messageId()) ? n.threadId() : null;
        return new OutgoingMail(
                from,
                n.recipientEmail(),
                n.subject(),
                n.content(),
                n.htmlContent(),
                n.messageId(),
                thread,
                n.unsubscribeUrl());
    }
}
