package io.supportlab.notifications;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.limits.RateLimit;
import io.supportlab.platform.limits.RateLimiter;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.web.Format;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes notifications into the outbox, in the caller's transaction. Nothing is rendered in it (the
 * dispatcher renders, after the change committed), so an email problem can never undo the change.
 * The recipient's preferences decide the row's fate: {@code pending} (send now), {@code held} (for
 * their digest) or {@code skipped} (they want no email, or had enough confirmations lately; the row
 * stays as a record of what was not sent, and why).
 */
@Component
class Outbox {

    /** What to write: {@code mail} for {@code recipient}, about a ticket or not. */
    record Draft(EmailAddress recipient, @Nullable String ticketId, MailModel mail) {}

    private final NotificationRepository notifications;
    private final PreferenceService preferences;
    private final RateLimiter limiter;
    private final SupportLabProperties properties;
    private final Clock clock;

    Outbox(
            NotificationRepository notifications,
            PreferenceService preferences,
            RateLimiter limiter,
            SupportLabProperties properties,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.limiter = limiter;
        this.properties = properties;
        this.clock = clock;
    }

    Notification write(Draft draft) {
        Preferences prefs = preferences.get(draft.recipient());
        NotificationType type = NotificationType.of(draft.mail());
        NotificationStatus status = statusFor(type, prefs);
        String skipReason = status == NotificationStatus.SKIPPED ? skipReason(prefs) : null;
        if (status != NotificationStatus.SKIPPED
                && type == NotificationType.TICKET_CREATED
                && overConfirmationCap(prefs)) {
            status = NotificationStatus.SKIPPED;
            skipReason = confirmationCapReason();
        }
        Instant now = Instant.now(clock);
        String id = Ids.newId();
        String threadId = draft.ticketId() == null ? null : threadId(draft.ticketId());
        String messageId = type == NotificationType.TICKET_CREATED && threadId != null ? threadId : messageId(id);
        Notification notification = new Notification(
                id,
                draft.ticketId(),
                prefs.email(),
                type,
                "",
                "",
                null,
                status,
                0,
                skipReason,
                status == NotificationStatus.PENDING ? now : null,
                null,
                now,
                messageId,
                threadId,
                null,
                MailParameters.write(draft.mail()));
        notifications.insert(notification);
        return notification;
    }

    static NotificationStatus statusFor(NotificationType type, Preferences prefs) {
        if (!type.followsPreferences()) {
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

    /**
     * Anyone may file a ticket for any address, so confirmations per address are capped (as
     * access-link emails are): the public API cannot be used to mail one inbox again and again.
     */
    private boolean overConfirmationCap(Preferences prefs) {
        return !limiter.consume(EmailLimits.CONFIRMATION_EMAILS, prefs.email()).allowed();
    }

    private String confirmationCapReason() {
        RateLimit cap = limiter.configured(EmailLimits.CONFIRMATION_EMAILS);
        return "Skipped: more than " + cap.capacity() + " confirmation emails to this address within "
                + Format.waitTime(cap.period().toSeconds()) + " (supportlab.rate-limits." + cap.name() + ")";
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
