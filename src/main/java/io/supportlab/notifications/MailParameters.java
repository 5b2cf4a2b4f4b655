package io.supportlab.notifications;

import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link MailModel} as stored in an outbox row's {@code parameters}. A mapper of its own, so the
 * stored form does not change with the API's JSON settings.
 */
final class MailParameters {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MailParameters() {}

    static String write(MailModel mail) {
        return JSON.writeValueAsString(mail);
    }

    static MailModel read(NotificationType type, String parameters) {
        return JSON.readValue(parameters, type.model());
    }
}
