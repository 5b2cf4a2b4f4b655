package io.supportlab.notifications;

/** Delivers one email, or throws {@link MailDeliveryException} saying why it could not. */
interface MailProvider {

    void send(OutgoingMail mail) throws MailDeliveryException;

    /** Why an attempt failed; the message is kept on the notification. */
    final class MailDeliveryException extends Exception {
        MailDeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
