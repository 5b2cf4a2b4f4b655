package io.supportlab.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's mock provider: prints each email to the log instead of sending it, as stored (links
 * redacted): a log is read by more people than the recipient, and its sign-in link would let them
 * act as the customer.
 */
class LogMailProvider implements MailProvider {

    private static final Logger log = LoggerFactory.getLogger(LogMailProvider.class);

    @Override
    public void send(OutgoingMail mail) {
        log.info(
                """
                📧 MOCK EMAIL SENT:
                   To: {}
                   Subject: {}
                   Message-ID: <{}>{}
                   Content: {}""",
                mail.to(),
                mail.subject(),
                mail.messageId(),
                mail.threadId() == null ? "" : "\n   In-Reply-To: <" + mail.threadId() + ">",
                mail.redactedText());
    }
}
