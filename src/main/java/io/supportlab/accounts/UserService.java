package io.supportlab.accounts;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.ConflictException;
import io.supportlab.platform.Ids;
import io.supportlab.platform.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates staff accounts and switches them on and off. */
@Service
public class UserService implements StaffDirectory {

    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an account from input already checked by bean validation, on behalf of {@code actor}. */
    @Transactional
    StaffUser create(NewStaffUser input, String actor) {
        String email = normalizeEmail(Objects.requireNonNull(input.email()));
        if (users.findByEmail(email).isPresent()) {
            throw new ConflictException("A user with email " + email + " already exists");
        }
        StaffUser user = new StaffUser(
                Ids.newId(),
                email,
                Objects.requireNonNull(input.displayName()).strip(),
                Objects.requireNonNull(input.role()),
                true,
                Instant.now(clock),
                null);
        users.insert(user, passwords.encode(input.password()));
        audit.record(actor, "user.created", user.email(), "Role " + user.role().value());
        return user;
    }

    List<StaffUser> list() {
        return users.list();
    }

    @Override
    public List<StaffUser> activeStaff() {
        return users.listActive();
    }

    /**
     * Switches an account on or off. An inactive user cannot log in and its API tokens stop
     * working. Nobody can switch off their own account or the last active admin, so the
     * installation always keeps someone who can administer it.
     */
    @Transactional
    StaffUser setActive(String id, boolean active, String actingEmail) {
        StaffUser user = users.findById(id).orElseThrow(() -> new ResourceNotFoundException("user", id));
        if (!active) {
            if (user.email().equals(actingEmail)) {
                throw new ConflictException("You cannot deactivate your own account");
            }
            if (user.role() == Role.ADMIN && user.active() && users.countActiveAdmins() <= 1) {
                throw new ConflictException("The last active admin cannot be deactivated");
            }
        }
        users.setActive(id, active, Instant.now(clock));
        if (user.active() != active) {
            audit.record(actingEmail, active ? "user.activated" : "user.deactivated", user.email(), null);
        }
        return users.findById(id).orElseThrow();
    }

    /** Remembers the last interactive (page) login; API calls do not count, or every call would write. */
    @EventListener
    @Transactional
    void recordLogin(InteractiveAuthenticationSuccessEvent event) {
        users.recordLogin(event.getAuthentication().getName(), Instant.now(clock));
        audit.record(event.getAuthentication().getName(), "login.succeeded", null, null);
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
