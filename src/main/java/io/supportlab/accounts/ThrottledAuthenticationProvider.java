package io.supportlab.accounts;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.web.Format;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password authentication (form login and HTTP Basic) behind {@link LoginThrottle}: an address
 * throttled for the name (or for all names) is refused before the password is looked at, a name
 * many addresses guess at is checked only after a short hold-back, and every failure is counted and
 * audited. Being the only {@link AuthenticationProvider} bean, it is the one Spring Security uses.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    ThrottledAuthenticationProvider(
            StaffUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        // The password is checked before whether the account is deactivated, so that a wrong password
        // answers the same for deactivated, active and unknown accounts.
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account =
                EmailAddress.of(String.valueOf(authentication.getName())).value();
        String address = address(authentication);
        var wait = throttle.waitBefore(account, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        holdBack(throttle.slowdown(account));
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(account, address);
            return result;
        } catch (InternalAuthenticationServiceException e) {
            throw e; // the database, not the caller, failed
        } catch (AuthenticationException e) {
            LoginThrottle.Outcome outcome = throttle.failed(account, address);
            record(account, outcome);
            throw e;
        }
    }

    /**
     * Waits before checking a password of an account that many addresses have been guessing at:
     * seconds at most, on a virtual thread, and the owner still gets in afterwards.
     */
    private static void holdBack(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalAuthenticationServiceException("Interrupted while slowing down a login", e);
        }
    }

    private void record(String account, LoginThrottle.Outcome outcome) {
        String details = switch (outcome) {
            case LOCKED -> "Too many failures: further attempts from this address are refused for a while";
            case DELAYED -> "Repeated failures: the next attempt from this address must wait";
            case COUNTED -> null;
        };
        try {
            // The name typed may be anyone's address (a customer's, too): the log keeps only its keyed hash.
            audit.recordAboutPerson(
                    "anonymous",
                    outcome == LoginThrottle.Outcome.LOCKED ? "login.locked" : "login.failed",
                    account,
                    details);
        } catch (RuntimeException e) {
            log.warn("Could not audit a failed login: {}", e.getMessage());
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? io.supportlab.platform.limits.ClientAddress.key(details.getRemoteAddress())
                : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static String message(LoginThrottledException e) {
        return "Too many failed logins; try again in " + Format.waitTime(e.retryAfterSeconds());
    }
}
