package io.supportlab.notifications;

/**
 * The one parameter of an email's templates (HTML and plain text): the sentences in the
 * recipient's language, what the email says, and its links (live in the email sent, redacted in the
 * stored copy). A record rather than a map of names, so a misspelt or mistyped parameter is a
 * compile error in the template. Each template declares the {@link MailModel} of its {@link
 * NotificationType}; that pairing is checked when the email is rendered (EmailTemplatesTests renders
 * every one).
 */
public record MailView<M extends MailModel>(MailText t, M mail, String accessLink, String unsubscribeLink) {}
