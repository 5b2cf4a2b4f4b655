package io.supportlab.notifications;

import org.jspecify.annotations.Nullable;

/**
 * An email as providers send it.
 *
 * @param messageId our {@code Message-ID}, without angle brackets
 * @param threadId the {@code Message-ID} this one answers ({@code In-Reply-To}, {@code References}),
 *     or null for the first email of a thread
 * @param unsubscribeUrl for the {@code List-Unsubscribe} headers, or null
 * @param redactedText the text with its links redacted, as stored: what a provider may print
 */
record OutgoingMail(
        String from,
        String to,
        String subject,
        String text,
        @Nullable String html,
        String messageId,
        @Nullable String threadId,
        @Nullable String unsubscribeUrl,
        String redactedText) {

    /** {@code email}, just rendered for {@code n} with {@code unsubscribeUrl} in it. */
    static OutgoingMail rendered(Notification n, String from, EmailComposer.Email email, String unsubscribeUrl) {
        return new OutgoingMail(
                from,
                n.recipientEmail(),
                email.subject(),
                email.text(),
                email.html(),
                n.messageId(),
                thread(n),
                unsubscribeUrl,
                n.content());
    }

    /** A row written before emails were rendered when sent: its stored text, links already redacted. */
    static OutgoingMail stored(Notification n, String from) {
        return new OutgoingMail(
                from, n.recipientEmail(), n.subject(), n.content(), null, n.messageId(), thread(n), null, n.content());
    }

    private static @Nullable String thread(Notification n) {
        return n.threadId() != null && !n.threadId().equals(n.messageId()) ? n.threadId() : null;
    }
}
