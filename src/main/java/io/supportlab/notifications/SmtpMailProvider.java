package io.supportlab.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Real delivery over SMTP through Spring Boot's {@code spring.mail.*} settings (any relay:
 * SendGrid, Mailgun and SES all offer SMTP). Sets the threading headers so mail clients group a
 * ticket's emails, and one-click unsubscribe headers (RFC 8058).
 */
class SmtpMailProvider implements MailProvider {

    private final JavaMailSender sender;

    SmtpMailProvider(JavaMailSender sender) {
        this.sender = sender;
    }

    @Override
    public void send(OutgoingMail mail) throws MailDeliveryException {
        try {
            MimeMessage message = new IdentifiedMimeMessage(sender.createMimeMessage(), mail.messageId());
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
            helper.setFrom(mail.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            } else {
                helper.setText(mail.text());
            }
            if (mail.threadId() != null) {
                message.setHeader("In-Reply-To", "<" + mail.threadId() + ">");
                message.setHeader("References", "<" + mail.threadId() + ">");
            }
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new MailDeliveryException(describe(e), e);
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Keeps our Message-ID: Jakarta Mail replaces it with a random one when the message is saved. */
    private static final class IdentifiedMimeMessage extends MimeMessage {
        private final String messageId;

        IdentifiedMimeMessage(MimeMessage template, String messageId) {
            super(template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
