package io.supportlab.notifications;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.persistence.SqlDialect;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects held notifications into one digest email per recipient: daily at the configured hour
 * (UTC), weekly on the configured day. Each period runs once, even with several instances: the
 * instance that inserts the period's row in {@code digest_runs} runs it. A run missed while the
 * application was down happens at the next check.
 */
@Component
class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private static final String CLAIM_PERIOD =
            "INSERT INTO digest_runs (period, started_at) VALUES (:period, :now) ON CONFLICT (period) DO NOTHING";

    private final NotificationRepository notifications;
    private final PreferenceService preferences;
    private final Outbox outbox;
    private final MailRenderer renderer;
    private final NotificationsProperties properties;
    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DigestJob(
            NotificationRepository notifications,
            PreferenceService preferences,
            Outbox outbox,
            MailRenderer renderer,
            NotificationsProperties properties,
            JdbcClient jdbc,
            SqlDialect dialect,
            TransactionTemplate transactions,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.outbox = outbox;
        this.renderer = renderer;
        this.properties = properties;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void checkScheduled() {
        try {
            runDue(Instant.now(clock));
        } catch (RuntimeException e) {
            log.warn("Digest check failed: {}", e.getMessage());
        }
    }

    /** Runs the daily and weekly digests that are due at {@code now} and not run yet. */
    void runDue(Instant now) {
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        if (utc.getHour() < properties.digestHour()) {
            return;
        }
        LocalDate day = utc.toLocalDate();
        boolean weeklyDue = utc.getDayOfWeek().compareTo(properties.weeklyDigestDay()) >= 0;
        if (claim("daily:" + day, now)) {
            send(false, now);
        }
        if (weeklyDue
                && claim(
                        "weekly:" + day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                                + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                        now)) {
            send(true, now);
        }
    }

    private boolean claim(String period, Instant now) {
        return jdbc.sql(CLAIM_PERIOD)
                        .param("period", period)
                        .param("now", dialect.timestamp(now))
                        .update()
                == 1;
    }

    /** On a daily run everyone but weekly recipients; on a weekly run the weekly ones. */
    private void send(boolean weekly, Instant now) {
        renderer.renderStoredCopies(); // a digest lists the subjects of the held emails
        for (String recipient : notifications.heldRecipients()) {
            transactions.executeWithoutResult(status -> digestFor(recipient, weekly));
        }
        log.info("{} digest run at {} done", weekly ? "Weekly" : "Daily", now);
    }

    private void digestFor(String recipient, boolean weekly) {
        Preferences prefs = preferences.get(EmailAddress.of(recipient));
        if (!prefs.wantsEmail()) {
            notifications.skipHeld(recipient, Outbox.skipReason(prefs));
            return;
        }
        boolean weeklyRecipient = prefs.notificationFrequency() == Frequency.WEEKLY;
        if (weeklyRecipient != weekly) {
            return;
        }
        List<Notification> held = notifications.heldFor(recipient);
        if (held.isEmpty()) {
            return;
        }
        List<DigestItem> items = held.stream()
                .map(n -> new DigestItem(n.subject(), excerpt(n.content()), n.createdAt()))
                .toList();
        Notification digest = outbox.write(
                new Outbox.Draft(EmailAddress.of(recipient), null, new MailModel.DigestMail(items, weekly)));
        held.forEach(n -> notifications.markDigested(n.id(), digest.id()));
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
