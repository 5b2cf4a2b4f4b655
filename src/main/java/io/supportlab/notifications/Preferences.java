package io.supportlab.notifications;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An address's notification preferences (the seed's {@code user_preferences}). Addresses that
 * never stored any get {@link #defaults(String)}: email on, immediately, in English.
 *
 * @param smsNotifications kept for the seed's API; SupportLab sends no SMS
 */
public record Preferences(
        String email,
        boolean emailNotifications,
        boolean smsNotifications,
        Frequency notificationFrequency,
        String preferredLanguage,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {

    /** The languages we have email templates in; others fall back to English. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    public static final String DEFAULT_LANGUAGE = "en";

    public static Preferences defaults(String email) {
        return new Preferences(email, true, false, Frequency.IMMEDIATE, DEFAULT_LANGUAGE, null, null);
    }

    /** Whether this address gets email at all. */
    public boolean wantsEmail() {
        return emailNotifications && notificationFrequency != Frequency.NONE;
    }

    public String language() {
        return LANGUAGES.contains(preferredLanguage) ? preferredLanguage : DEFAULT_LANGUAGE;
    }
}
