package io.supportlab.tickets;

import io.supportlab.accounts.SignedTokens;
import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.limits.RateLimit;
import io.supportlab.platform.limits.RateLimiter;
import io.supportlab.platform.persistence.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells automated public tickets from people's, using only signals a person does not trip: a
 * honeypot field people never see (so never fill in), and more public tickets for one address than
 * a person writes (this one applies to the API too). Such tickets are filed but flagged. What a
 * quick person can cause as well — a form sent a moment after it was shown (paste, autofill), or
 * without a valid form token — flags nothing: the form comes back to be confirmed, saying so.
 *
 * <p>Each form carries a signed token saying when it was shown, with a nonce that files at most
 * one ticket: sending the same form again answers with that ticket, so a token copied off the page
 * is worth one ticket, not thirty days of them.
 */
@Component
class SpamCheck {

    /**
     * How long a shown form can be sent without confirming. Replays are stopped by the single use;
     * this bounds how long a used nonce is remembered, and is long enough that nobody writing a
     * ticket at a normal pace ever sees the confirm step for it.
     */
    static final Duration FORM_VALIDITY = Duration.ofHours(24);

    private static final String CONFIRMED = "confirmed";

    /** A form token that verified: when the form was shown, its one-use nonce, and whether it confirms. */
    record FormToken(Instant renderedAt, String nonce, boolean confirmed) {

        Instant expiresAt() {
            return renderedAt.plus(FORM_VALIDITY);
        }
    }

    /**
     * The outcome for one form submission: file it (flagged when {@code flagReason} is set), or
     * show it again to be confirmed ({@code token} is then null).
     */
    record Verdict(
            @Nullable FormToken token,
            @Nullable String flagReason,
            @Nullable String confirmReason) {

        boolean needsConfirmation() {
            return token == null;
        }
    }

    private final SignedTokens tokens;
    private final TicketProperties properties;
    private final RateLimiter limiter;
    private final RateLimit contactLimit;
    private final Clock clock;

    SpamCheck(
            SignedTokens tokens,
            TicketProperties properties,
            RateLimiter limiter,
            SupportLabProperties platform,
            Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.limiter = limiter;
        this.contactLimit = limiter.configured(TicketLimits.CONTACT_TICKETS);
        this.clock = clock;
    }

    /** The token a freshly shown form carries. */
    String formToken() {
        return formToken(Instant.now(clock), false);
    }

    /** The token of a form shown again to be confirmed: sending it at once is fine. */
    String confirmToken() {
        return formToken(Instant.now(clock), true);
    }

    /**
     * A token for a form shown at {@code renderedAt}; a {@code confirmed} one is not held to the
     * minimum fill time (the person has looked at their filled-in form a second time).
     */
    String formToken(Instant renderedAt, boolean confirmed) {
        String subject = renderedAt.toEpochMilli() + "." + Ids.newId() + (confirmed ? "." + CONFIRMED : "");
        return tokens.issue(subject, SignedTokens.Purpose.FORM_RENDERED, FORM_VALIDITY);
    }

    /** The token to carry over to a form shown again after a validation error: the same one while it is good. */
    String carriedOver(@Nullable String formToken) {
        return formToken != null && parse(formToken).filter(this::fresh).isPresent() ? formToken : formToken();
    }

    /** Judges a help-center form submission by its honeypot field and form token. */
    Verdict check(@Nullable String honeypot, @Nullable String formToken) {
        Optional<FormToken> parsed = parse(formToken);
        if (parsed.isEmpty() || !fresh(parsed.get())) {
            return confirm("form token missing, forged or expired");
        }
        FormToken token = parsed.get();
        if (honeypot != null && !honeypot.isBlank()) {
            return new Verdict(token, "honeypot field filled in", null);
        }
        Duration took = Duration.between(token.renderedAt(), Instant.now(clock));
        if (!token.confirmed() && took.compareTo(properties.minFillTime()) < 0) {
            return confirm("sent " + Math.max(0, took.toMillis()) + " ms after the form was shown");
        }
        return new Verdict(token, null, null);
    }

    /**
     * Why a public ticket for {@code email} should be flagged for its address, counting it: more of
     * them within the period than {@code supportlab.rate-limits.contact-tickets} allows.
     */
    Optional<String> addressReason(String email) {
        if (limiter.consume(TicketLimits.CONTACT_TICKETS, email).allowed()) {
            return Optional.empty();
        }
        return Optional.of("more than " + contactLimit.capacity() + " public tickets for this address within "
                + contactLimit.period());
    }

    private static Verdict confirm(String reason) {
        return new Verdict(null, null, reason);
    }

    private boolean fresh(FormToken token) {
        return Instant.now(clock).isBefore(token.expiresAt());
    }

    private Optional<FormToken> parse(@Nullable String formToken) {
        if (formToken == null) {
            return Optional.empty();
        }
        return tokens.verify(formToken, SignedTokens.Purpose.FORM_RENDERED).flatMap(SpamCheck::formTokenOf);
    }

    private static Optional<FormToken> formTokenOf(String subject) {
        String[] parts = subject.split("\\.");
        if (parts.length < 2 || parts.length > 3 || !Ids.isValid(parts[1])) {
            return Optional.empty();
        }
        try {
            Instant renderedAt = Instant.ofEpochMilli(Long.parseLong(parts[0]));
            return Optional.of(new FormToken(renderedAt, parts[1], parts.length == 3 && parts[2].equals(CONFIRMED)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
