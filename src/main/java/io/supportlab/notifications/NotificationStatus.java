package io.supportlab.notifications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a notification is in the outbox: {@code pending} (waiting to be sent, possibly after a
 * failed attempt), {@code sent}, {@code failed} (gave up after the last attempt), {@code skipped}
 * (the recipient wants no email), {@code held} (waiting for the recipient's daily or weekly digest)
 * and {@code digested} (went out as part of a digest).
 */
public enum NotificationStatus {
    PENDING,
    SENT,
    FAILED,
    SKIPPED,
    HELD,
    DIGESTED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NotificationStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
