package io.supportlab.notifications;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
     * @param template the template name, also the message key prefix ({@code ticketCreated})
     * @param subjectArgs the arguments of {@code <template>.subject}
     */
    Email compose(String template, String language, Map<String, Object> params, Object... subjectArgs) {
        Locale locale = Locale.forLanguageTag(language);
        MailText mailText = new MailText(messages, locale);
        Map<String, Object> all = new HashMap<>(params);
        all.put("t", mailText);
        return new Email(
                mailText.get(template + ".subject", subjectArgs),
                render(text, "notifications/" + template + ".jte", all),
                render(html, "notifications/email/" + template + ".jte", all));
    }

    private static String render(TemplateEngine engine, String name, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(name, params, output);
        return output.toString();
    }
}
