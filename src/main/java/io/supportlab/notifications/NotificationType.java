package io.supportlab.notifications;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a notification is about; the values are the seed's {@code notification_type} strings. Each
 * has its templates ({@code notifications/email/<template>.jte} and the plain-text one) and the
 * {@link MailModel} they render.
 */
public enum NotificationType {
    TICKET_CREATED("ticket_created", "ticketCreated", MailModel.TicketCreatedMail.class),
    STATUS_UPDATE("status_update", "statusUpdate", MailModel.StatusUpdateMail.class),
    TICKET_REPLY("ticket_reply", "ticketReply", MailModel.TicketReplyMail.class),
    ACCESS_LINK("access_link", "accessLink", MailModel.AccessLinkMail.class),
    DIGEST("digest", "digest", MailModel.DigestMail.class);

    private final String value;
    private final String template;
    private final Class<? extends MailModel> model;

    NotificationType(String value, String template, Class<? extends MailModel> model) {
        this.value = value;
        this.template = template;
        this.model = model;
    }

    @JsonValue
    public String value() {
        return value;
    }

    String template() {
        return template;
    }

    Class<? extends MailModel> model() {
        return model;
    }

    /**
     * Access links answer the customer's own request and digests are what their preferences asked
     * for, so they go out whatever the preferences say; everything else follows them.
     */
    boolean followsPreferences() {
        return this != ACCESS_LINK && this != DIGEST;
    }

    static NotificationType of(MailModel mail) {
        for (NotificationType type : values()) {
            if (type.model.isInstance(mail)) {
                return type;
            }
        }
        throw new IllegalArgumentException("No notification type for " + mail.getClass());
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
