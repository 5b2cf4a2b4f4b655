package io.supportlab.notifications;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** Localised sentences for email templates, from {@code messages*.properties}. */
public final class MailText {

    private final MessageSource messages;
    private final Locale locale;

    MailText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    public String language() {
        return locale.getLanguage();
    }
}
