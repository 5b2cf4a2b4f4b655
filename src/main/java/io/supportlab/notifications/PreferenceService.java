package io.supportlab.notifications;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.problems.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notification preferences per email address; what they say decides what the outbox sends. */
@Service
public class PreferenceService {

    private final PreferenceRepository preferences;
    private final Clock clock;

    PreferenceService(PreferenceRepository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The stored preferences of {@code email}, or the defaults when it never stored any. */
    public Preferences get(EmailAddress email) {
        return preferences.find(email.value()).orElseGet(() -> Preferences.defaults(email.value()));
    }

    /** Creates or updates; fields left out of {@code change} keep their current values. */
    @Transactional
    public Preferences update(PreferencesChange change) {
        Preferences current = get(EmailAddress.of(Objects.requireNonNull(change.email())));
        String language = change.preferredLanguage() == null
                ? current.preferredLanguage()
                : change.preferredLanguage().strip().toLowerCase(Locale.ROOT);
        if (!Preferences.LANGUAGES.contains(language)) {
            throw new InvalidRequestException(
                    "preferred_language",
                    "'" + language + "' is not one of: " + String.join(", ", Preferences.LANGUAGES));
        }
        Instant now = Instant.now(clock);
        Preferences updated = new Preferences(
                current.email(),
                change.emailNotifications() == null ? current.emailNotifications() : change.emailNotifications(),
                change.smsNotifications() == null ? current.smsNotifications() : change.smsNotifications(),
                change.notificationFrequency() == null
                        ? current.notificationFrequency()
                        : change.notificationFrequency(),
                language,
                current.createdAt() == null ? now : current.createdAt(),
                now);
        preferences.save(updated, now);
        return updated;
    }

    /** What the unsubscribe link does: no more email to this address (until they switch it on). */
    @Transactional
    public Preferences unsubscribe(EmailAddress email) {
        Preferences current = get(email);
        return update(new PreferencesChange(current.email(), false, null, null, null));
    }

    PreferenceRepository.Summary summary() {
        return preferences.summary();
    }
}
