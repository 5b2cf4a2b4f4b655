package io.supportlab.accounts;

import java.io.Serial;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A staff member as a password login sees them, and as their session keeps them: besides the email
 * and role, the account's id and the security stamp it had at login, so that {@link
 * StaffSessionCheck} can tell on each request whether the account was changed since.
 */
final class StaffPrincipal extends User {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String userId;
    private final long securityStamp;

    StaffPrincipal(UserRepository.Credentials credentials) {
        super(
                credentials.user().email(),
                credentials.passwordHash(),
                credentials.user().active(),
                true,
                true,
                true,
                List.of(new SimpleGrantedAuthority(credentials.user().role().authority())));
        this.userId = credentials.user().id();
        this.securityStamp = credentials.securityStamp();
    }

    private StaffPrincipal(StaffPrincipal before, long securityStamp) {
        super(before.getUsername(), "", before.isEnabled(), true, true, true, before.getAuthorities());
        this.userId = before.userId;
        this.securityStamp = securityStamp;
        eraseCredentials();
    }

    String userId() {
        return userId;
    }

    long securityStamp() {
        return securityStamp;
    }

    /** The same person after they changed their own password in this session. */
    StaffPrincipal withSecurityStamp(long stamp) {
        return new StaffPrincipal(this, stamp);
    }
}
