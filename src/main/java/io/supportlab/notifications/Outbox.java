package io.supportlab.notifications;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.accounts.SignedTokens;
import io.supportlab.platform.Ids;
import io.supportlab.platform.SupportLabProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes notifications into the outbox, in the caller's transaction. The recipient's preferences
 * decide the row's fate: {@code pending} (send now), {@code held} (for their digest) or {@code
 * skipped} (they want no email; the row stays as a record of what was not sent, and why).
 */
@Component
class Outbox {

    static final Duration UNSUBSCRIBE_LINK_VALIDITY = Duration.ofDays(365);

    /** What to write: a message for {@code recipient}, rendered from {@code template}. */
    record Draft(
            NotificationType type,
            String recipient,
            @Nullable String ticketId,
            String template,
            Map<String, Object> params,
            Object[] subjectArgs) {}

    private final NotificationRepository notifications;
    private final PreferenceService preferences;
    private final EmailComposer composer;
    private final CustomerAccess customerAccess;
    private final SignedTokens tokens;
    private final SupportLabProperties properties;
    private final Clock clock;

    Outbox(
            NotificationRepository notifications,
            PreferenceService preferences,
            EmailComposer composer,
            CustomerAccess customerAccess,
            SignedTokens tokens,
            SupportLabProperties properties,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.composer = composer;
        this.customerAccess = customerAccess;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    Notification write(Draft draft) {
        Preferences prefs = preferences.get(draft.recipient());
        Instant now = Instant.now(clock);
        String id = Ids.newId();
        String unsubscribe = unsubscribeUrl(prefs.email());
        Map<String, Object> params = new HashMap<>(draft.params());
        params.put("accessLink", customerAccess.accessLink(prefs.email()).toString());
        params.put("unsubscribeLink", unsubscribe);
        EmailComposer.Email email = composer.compose(draft.template(), prefs.language(), params, draft.subjectArgs());

        NotificationStatus status = statusFor(draft.type(), prefs);
        String threadId = draft.ticketId() == null ? null : threadId(draft.ticketId());
        String messageId =
                draft.type() == NotificationType.TICKET_CREATED && threadId != null ? threadId : messageId(id);
        Notification notification = new Notification(
                id,
                draft.ticketId(),
                prefs.email(),
                draft.type(),
                email.subject(),
                email.text(),
                email.html(),
                status,
                0,
                status == NotificationStatus.SKIPPED ? skipReason(prefs) : null,
                status == NotificationStatus.PENDING ? now : null,
                null,
                now,
                messageId,
                threadId,
                unsubscribe,
                null);
        notifications.insert(notification);
        return notification;
    }

    /**
     * Access links answer the customer's own request, so they go out whatever the preferences say;
     * everything else follows them.
     */
    static NotificationStatus statusFor(NotificationType type, Preferences prefs) {
        if (type == NotificationType.ACCESS_LINK || type == NotificationType.DIGEST) {
            return NotificationStatus.PENDING;
        }
        if (!prefs.wantsEmail()) {
            return NotificationStatus.SKIPPED;
        }
        return switch (prefs.notificationFrequency()) {
            case DAILY, WEEKLY -> NotificationStatus.HELD;
            default -> NotificationStatus.PENDING;
        };
    }

    static String skipReason(Preferences prefs) {
        return prefs.emailNotifications()
                ? "Skipped: the recipient's notification frequency is none"
                : "Skipped: the recipient switched email notifications off";
    }

    String unsubscribeUrl(String email) {
        return UriComponentsBuilder.fromUri(properties.baseUrl())
                .path("/unsubscribe")
                .queryParam("token", tokens.issue(email, SignedTokens.Purpose.UNSUBSCRIBE, UNSUBSCRIBE_LINK_VALIDITY))
                .build()
                .toUriString();
    }

    /** The Message-ID of a ticket's first email, which all later ones refer to. */
    String threadId(String ticketId) {
        return "ticket-" + ticketId + "@" + mailDomain();
    }

    String messageId(String notificationId) {
        return notificationId + "@" + mailDomain();
    }

    private String mailDomain() {
        String host = properties.baseUrl().getHost();
        return host == null || host.isBlank() ? "supportlab.local" : host;
    }
}
