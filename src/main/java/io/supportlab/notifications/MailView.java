package io.supportlab.notifications;

/**
 * The one parameter of an email's templates (HTML and plain text): the sentences in the
 * recipient's language, what the email says, and its links (live in the email sent, redacted in the
 * stored copy). A record rather than a map of names, so that a template and {@link EmailComposer}
 * cannot disagree on a parameter's name or type without the compiler saying so. Each template
 * declares the {@link MailModel} of its {@link NotificationType}.
 */
public record MailView<M extends MailModel>(MailText t, M mail, String accessLink, String unsubscribeLink) {}
