package io.supportlab.notifications;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.accounts.SignedTokens;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.problems.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Renders outbox rows, never inside the transaction that made the change: once into the stored copy
 * staff can read (subject, text and HTML with the links redacted), in the dispatcher's next round,
 * and again into the email sent, with a freshly minted sign-in link and unsubscribe link. A row that
 * cannot be rendered becomes a failed notification with the reason.
 */
@Component
class MailRenderer {

    static final Duration UNSUBSCRIBE_LINK_VALIDITY = Duration.ofDays(365);

    /** The links an email carries: live ones in the email sent, placeholders in the stored copy. */
    record Links(String access, String unsubscribe) {
        static final Links REDACTED =
                new Links("[redacted: personal sign-in link]", "[redacted: personal unsubscribe link]");
    }

    private static final Logger log = LoggerFactory.getLogger(MailRenderer.class);

    private final NotificationRepository notifications;
    private final PreferenceService preferences;
    private final EmailComposer composer;
    private final CustomerAccess customerAccess;
    private final SignedTokens tokens;
    private final SupportLabProperties properties;
    private final NotificationsProperties mail;
    private final Clock clock;

    MailRenderer(
            NotificationRepository notifications,
            PreferenceService preferences,
            EmailComposer composer,
            CustomerAccess customerAccess,
            SignedTokens tokens,
            SupportLabProperties properties,
            NotificationsProperties mail,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.composer = composer;
        this.customerAccess = customerAccess;
        this.tokens = tokens;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * {@code notification} with its copy, rendered now if the dispatcher has not stored it yet (the
     * moments after the change), for staff reading the outbox.
     */
    Notification withCopy(Notification notification) {
        if (!notification.subject().isEmpty() || notification.parameters() == null) {
            return notification;
        }
        try {
            EmailComposer.Email copy = render(notification, Links.REDACTED);
            return notification.withCopy(copy.subject(), copy.text(), copy.html());
        } catch (RuntimeException e) {
            return notification; // the dispatcher records why
        }
    }

    /** Stores the copy of every row written since the last call; returns how many were rendered. */
    int renderStoredCopies() {
        int rendered = 0;
        List<Notification> batch;
        do {
            batch = notifications.unrendered(mail.batchSize());
            batch.forEach(this::storeCopy);
            rendered += batch.size();
        } while (batch.size() == mail.batchSize());
        return rendered;
    }

    private void storeCopy(Notification notification) {
        EmailComposer.Email copy;
        try {
            copy = render(notification, Links.REDACTED);
        } catch (RuntimeException e) {
            String reason = unrenderable(e);
            log.warn("Notification {} to {}: {}", notification.id(), notification.recipientEmail(), reason, e);
            notifications.markUnrenderable(notification.id(), reason);
            return;
        }
        notifications.markRendered(notification.id(), copy.subject(), copy.text(), copy.html(), Instant.now(clock));
    }

    /** The email to send, with links minted now. */
    OutgoingMail outgoing(Notification notification) {
        if (notification.parameters() == null) {
            return OutgoingMail.stored(notification, mail.from());
        }
        Links links = liveLinks(notification.recipientEmail());
        EmailComposer.Email email = render(notification, links);
        return OutgoingMail.rendered(notification, mail.from(), email, links.unsubscribe());
    }

    static String unrenderable(RuntimeException e) {
        return Problems.abbreviate("The email could not be rendered: " + e, 500);
    }

    private EmailComposer.Email render(Notification notification, Links links) {
        NotificationType type = notification.notificationType();
        MailModel model = MailParameters.read(type, java.util.Objects.requireNonNull(notification.parameters()));
        String language =
                preferences.get(EmailAddress.of(notification.recipientEmail())).language();
        return composer.compose(model, language, links);
    }

    private Links liveLinks(String email) {
        return new Links(customerAccess.accessLink(email).toString(), unsubscribeUrl(email));
    }

    String unsubscribeUrl(String email) {
        return UriComponentsBuilder.fromUri(properties.baseUrl())
                .path("/unsubscribe")
                .queryParam("token", tokens.issue(email, SignedTokens.Purpose.UNSUBSCRIBE, UNSUBSCRIBE_LINK_VALIDITY))
                .build()
                .toUriString();
    }
}
