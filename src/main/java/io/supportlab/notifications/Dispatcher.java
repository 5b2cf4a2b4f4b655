package io.supportlab.notifications;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.problems.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due notifications: renders the stored copies of new rows, claims a batch with a lease
 * (skipping rows other instances hold), renders each email with fresh links, hands it to the mail
 * provider, and records the outcome: sent, retry later with exponential backoff, or failed after
 * the last attempt (or at once, when it cannot be rendered). An address that wants no more email by
 * the time its email is due gets none. A process killed mid-send leaves its rows pending; their
 * lease lapses and they are sent again (at least once: SMTP offers no exactly-once).
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final NotificationRepository notifications;
    private final MailRenderer renderer;
    private final PreferenceService preferences;
    private final MailProvider provider;
    private final NotificationsProperties properties;
    private final Clock clock;

    Dispatcher(
            NotificationRepository notifications,
            MailRenderer renderer,
            PreferenceService preferences,
            MailProvider provider,
            NotificationsProperties properties,
            Clock clock) {
        this.notifications = notifications;
        this.renderer = renderer;
        this.preferences = preferences;
        this.provider = provider;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${supportlab.mail.poll-interval:2s}",
            initialDelayString = "${supportlab.mail.poll-interval:2s}")
    void dispatchScheduled() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // The database may be down; the next round tries again.
            log.warn("Notification dispatch round failed: {}", e.getMessage());
        }
    }

    /** Sends everything due now; returns how many notifications were attempted. */
    int dispatchDue() {
        renderer.renderStoredCopies();
        int attempted = 0;
        List<Notification> batch;
        do {
            Instant now = Instant.now(clock);
            batch = notifications.claimDue(now, now.plus(properties.lease()), properties.batchSize());
            batch.forEach(this::deliver);
            attempted += batch.size();
        } while (batch.size() == properties.batchSize());
        return attempted;
    }

    private void deliver(Notification notification) {
        if (notification.notificationType().followsPreferences()) {
            Preferences prefs = preferences.get(EmailAddress.of(notification.recipientEmail()));
            if (!prefs.wantsEmail()) {
                notifications.markSkipped(notification.id(), Outbox.skipReason(prefs));
                return;
            }
        }
        OutgoingMail mail;
        try {
            mail = renderer.outgoing(notification);
        } catch (RuntimeException e) {
            // Waiting does not mend a template; the row fails now, with the reason, and can be retried.
            log.warn("Notification {} could not be rendered", notification.id(), e);
            notifications.markFailed(notification.id(), MailRenderer.unrenderable(e));
            return;
        }
        try {
            provider.send(mail);
            notifications.markSent(notification.id(), Instant.now(clock));
        } catch (MailProvider.MailDeliveryException | RuntimeException e) {
            String error = Problems.abbreviate(String.valueOf(e.getMessage()), 500);
            int failures = notification.attempts() + 1;
            if (failures >= properties.maxAttempts()) {
                log.warn(
                        "Giving up on notification {} to {} after {} attempts: {}",
                        notification.id(),
                        notification.recipientEmail(),
                        failures,
                        error);
                notifications.markFailed(notification.id(), error);
            } else {
                Instant next = Instant.now(clock).plus(properties.backoff(failures));
                log.info(
                        "Notification {} failed (attempt {}), retrying at {}: {}",
                        notification.id(),
                        failures,
                        next,
                        error);
                notifications.markRetry(notification.id(), error, next);
            }
        }
    }
}
