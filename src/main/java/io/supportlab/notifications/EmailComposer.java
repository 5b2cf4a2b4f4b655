package io.supportlab.notifications;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an email from its JTE templates: {@code notifications/email/<name>.jte} for the HTML part
 * (escaped) and {@code src/main/jte-text/notifications/<name>.jte} for the plain-text part, with
 * sentences and the subject from the message bundle in the recipient's language.
 */
@Component
class EmailComposer {

    /** A rendered email. */
    record Email(String subject, String text, String html) {}

    private static final String TEXT_PACKAGE = "gg.jte.generated.precompiled.text";

    private final TemplateEngine html = TemplateEngine.createPrecompiled(ContentType.Html);
    private final TemplateEngine text = TemplateEngine.createPrecompiled(
            null, ContentType.Plain, EmailComposer.class.getClassLoader(), TEXT_PACKAGE);
    private final MessageSource messages;

    EmailComposer(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * {@code mail} in {@code language}, with {@code links}; the templates and the subject's message
     * ({@code <template>.subject}) are those of its {@link NotificationType}.
     */
    Email compose(MailModel mail, String language, MailRenderer.Links links) {
        String template = NotificationType.of(mail).template();
        MailText mailText = new MailText(messages, Locale.forLanguageTag(language));
        MailView<MailModel> view = new MailView<>(mailText, mail, links.access(), links.unsubscribe());
        return new Email(
                mailText.get(template + ".subject", mail.subjectArgs()),
                render(text, "notifications/" + template + ".jte", view),
                render(html, "notifications/email/" + template + ".jte", view));
    }

    private static String render(TemplateEngine engine, String name, MailView<?> view) {
        StringOutput output = new StringOutput();
        engine.render(name, view, output);
        return output.toString();
    }
}
