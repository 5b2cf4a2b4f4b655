package io.supportlab.notifications;

import io.supportlab.platform.EmailAddress;
import io.supportlab.tickets.CustomerEmailReach;
import org.springframework.stereotype.Component;

/** Tells the ticket page, from an address's preferences, whether a reply will be emailed. */
@Component
class EmailReachAnswers implements CustomerEmailReach {

    private final PreferenceService preferences;

    EmailReachAnswers(PreferenceService preferences) {
        this.preferences = preferences;
    }

    @Override
    public Reach reach(String email) {
        Preferences prefs = preferences.get(EmailAddress.of(email));
        return switch (Outbox.statusFor(NotificationType.TICKET_REPLY, prefs)) {
            case PENDING -> Reach.IMMEDIATELY;
            case HELD -> Reach.IN_DIGEST;
            default -> Reach.NOT_EMAILED;
        };
    }
}
