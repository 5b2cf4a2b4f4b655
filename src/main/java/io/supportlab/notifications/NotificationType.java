package io.supportlab.notifications;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a notification is about; the values are the seed's {@code notification_type} strings. */
public enum NotificationType {
    TICKET_CREATED("ticket_created"),
    STATUS_UPDATE("status_update"),
    TICKET_REPLY("ticket_reply"),
    ACCESS_LINK("access_link"),
    DIGEST("digest");

    private final String value;

    NotificationType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static NotificationType fromValue(String value) {
        for (NotificationType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown notification type " + value);
    }
}
