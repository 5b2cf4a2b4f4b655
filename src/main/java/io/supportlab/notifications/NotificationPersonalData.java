package io.supportlab.notifications;

import io.supportlab.privacy.Erasure;
import io.supportlab.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The emails sent (or held) for an address and its preferences: exported, and deleted on erasure. */
@Component
@Order(2)
class NotificationPersonalData implements PersonalData {

    /** What the export shows. */
    record Exported(
            List<Notification> notifications, @Nullable Preferences preferences) {}

    private final NotificationRepository notifications;
    private final MailRenderer renderer;
    private final PreferenceRepository preferences;

    NotificationPersonalData(
            NotificationRepository notifications, MailRenderer renderer, PreferenceRepository preferences) {
        this.notifications = notifications;
        this.renderer = renderer;
        this.preferences = preferences;
    }

    @Override
    public String section() {
        return "communication";
    }

    @Override
    public Object export(String email) {
        return new Exported(
                notifications.forRecipient(email).stream()
                        .map(renderer::withCopy)
                        .toList(),
                preferences.find(email).orElse(null));
    }

    @Override
    public Map<String, Integer> erase(String email, Erasure erasure) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("notifications_deleted", notifications.deleteForRecipient(email));
        counts.put("preferences_deleted", preferences.delete(email));
        return counts;
    }
}
