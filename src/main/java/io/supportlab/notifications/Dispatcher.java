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
 * lease lapses and they are sent again (at least once: SMTP offers no exactly-once). Each row's
 * lease is renewed just before it is sent, and every outcome is recorded only under the claim this
 * instance holds, so that a slow mail server does not let two instances send one batch.
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
            Instant claim = now.plus(properties.lease());
            batch = notifications.claimDue(now, claim, properties.batchSize());
            batch.forEach(notification -> deliver(notification, claim));
            attempted += batch.size();
        } while (batch.size() == properties.batchSize());
        return attempted;
    }

    /**
     * Sends one claimed row. A batch is sent one row after the other, so each row's lease is renewed
     * just before it is sent, and only while the claim is still this instance's: a row whose lease
     * lapsed (a slow mail server) and that another instance claimed is left to that instance.
     */
    private void deliver(Notification notification, Instant batchClaim) {
        Instant claim = Instant.now(clock).plus(properties.lease());
        if (!notifications.renewClaim(notification.id(), batchClaim, claim)) {
            log.info("Notification {} is no longer this instance's to send; skipped", notification.id());
            return;
        }
        if (notification.notificationType().followsPreferences()) {
            Preferences prefs = preferences.get(EmailAddress.of(notification.recipientEmail()));
            if (!prefs.wantsEmail()) {
                notifications.markSkipped(notification.id(), claim, Outbox.skipReason(prefs));
                return;
            }
        }
        OutgoingMail mail;
        try {
            mail = renderer.outgoing(notification);
        } catch (RuntimeException e) {
            // Waiting does not mend a template; the row fails now, with the reason, and can be retried.
            log.warn("Notification {} could not be rendered", notification.id(), e);
            notifications.markFailed(notification.id(), claim, MailRenderer.unrenderable(e));
            return;
        }
        try {
            provider.send(mail);
            if (!notifications.markSent(notification.id(), claim, Instant.now(clock))) {
                log.warn(
                        "Notification {} was sent, but took longer than its lease and another instance claimed it",
                        notification.id());
            }
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
                notifications.markFailed(notification.id(), claim, error);
            } else {
                Instant next = Instant.now(clock).plus(properties.backoff(failures));
                log.info(
                        "Notification {} failed (attempt {}), retrying at {}: {}",
                        notification.id(),
                        failures,
                        next,
                        error);
                notifications.markRetry(notification.id(), claim, error, next);
            }
        }
    }
}
