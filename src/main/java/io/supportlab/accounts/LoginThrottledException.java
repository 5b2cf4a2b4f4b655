package io.supportlab.accounts;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login attempt refused without checking the password, because of too many recent failures. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins; try again later");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
