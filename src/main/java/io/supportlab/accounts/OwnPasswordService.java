package io.supportlab.accounts;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.Problems;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Staff change their own password by giving the current one. The current password is checked like
 * a login (counted, throttled and audited), so a borrowed session cannot be used to guess it; the
 * change ends every other session of the account.
 */
@Service
class OwnPasswordService {

    private final ThrottledAuthenticationProvider logins;
    private final UserRepository users;
    private final UserService accounts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    OwnPasswordService(
            ThrottledAuthenticationProvider logins,
            UserRepository users,
            UserService accounts,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.logins = logins;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Replaces the password of {@code email}; answers the account's new security stamp, which the
     * session that made the change takes on so that it alone stays signed in.
     *
     * @param client the request's authentication details (the client address the throttle counts)
     */
    long change(String email, String current, String replacement, @Nullable Object client) {
        checkCurrent(email, current, client);
        Long stamp = transactions.execute(tx -> {
            StaffUser me = users.findByEmail(EmailAddress.of(email)).orElseThrow();
            long changed = accounts.replacePassword(me, replacement, "new_password");
            audit.record(email, "user.password_changed", email, null);
            return changed;
        });
        return Objects.requireNonNull(stamp);
    }

    private void checkCurrent(String email, String current, @Nullable Object client) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, current);
        attempt.setDetails(client);
        try {
            logins.authenticate(attempt);
        } catch (BadCredentialsException e) {
            throw new InvalidRequestException("current_password", "is not your current password");
        } catch (LoginThrottledException e) {
            var tooMany = new ErrorResponseException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    Problems.tooManyRequests(ThrottledAuthenticationProvider.message(e), e.retryAfterSeconds()),
                    e);
            tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            throw tooMany;
        }
    }
}
