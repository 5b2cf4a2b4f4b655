package io.supportlab.tickets;

import io.supportlab.accounts.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells automated submissions of the public ticket form from people: a honeypot field that people
 * never see (so never fill in), and a signed timestamp of when the form was shown (bots post at
 * once, or without ever loading the form).
 */
@Component
class SpamCheck {

    static final Duration FORM_VALIDITY = Duration.ofDays(30);

    private final SignedTokens tokens;
    private final TicketProperties properties;
    private final Clock clock;

    SpamCheck(SignedTokens tokens, TicketProperties properties, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** The token the form carries: when it was rendered, signed. */
    String formToken() {
        return tokens.issue(
                Long.toString(Instant.now(clock).toEpochMilli()), SignedTokens.Purpose.FORM_RENDERED, FORM_VALIDITY);
    }

    /** Why the submission looks automated, or empty when it looks like a person's. */
    Optional<String> reason(@Nullable String honeypot, @Nullable String formToken) {
        if (honeypot != null && !honeypot.isBlank()) {
            return Optional.of("honeypot field filled in");
        }
        Optional<Instant> rendered = formToken == null
                ? Optional.empty()
                : tokens.verify(formToken, SignedTokens.Purpose.FORM_RENDERED).flatMap(SpamCheck::instant);
        if (rendered.isEmpty()) {
            return Optional.of("form token missing, forged or expired");
        }
        Duration took = Duration.between(rendered.get(), Instant.now(clock));
        if (took.compareTo(properties.minFillTime()) < 0) {
            return Optional.of("sent " + Math.max(0, took.toMillis()) + " ms after the form was shown");
        }
        return Optional.empty();
    }

    private static Optional<Instant> instant(String millis) {
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
