package io.supportlab.accounts;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts as admins manage them: create, switch on and off, change the role, set a new
 * password. Whatever changes who may sign in, or as what, bumps the account's security stamp, which
 * ends its sessions at once ({@link StaffSessionCheck}). Nobody changes their own status or role, so
 * that a stale or stolen session cannot promote or revive itself, and the installation always keeps
 * an active admin.
 */
@Service
public class UserService implements StaffDirectory {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an account from input already checked by bean validation, on behalf of {@code actor}. */
    @Transactional
    StaffUser create(NewStaffUser input, String actor) {
        String email = EmailAddress.of(Objects.requireNonNull(input.email())).value();
        String name = Objects.requireNonNull(input.displayName()).strip();
        String password = Objects.requireNonNull(input.password());
        policy.check("password", password, email, name);
        if (users.findByEmail(EmailAddress.of(email)).isPresent()) {
            throw new ConflictException("A user with email " + email + " already exists");
        }
        StaffUser user = new StaffUser(
                Ids.newId(), email, name, Objects.requireNonNull(input.role()), true, Instant.now(clock), null);
        users.insert(user, hash(password));
        audit.record(actor, "user.created", user.email(), "Role " + user.role().value());
        return user;
    }

    List<StaffUser> list() {
        return users.list();
    }

    StaffUser get(String id) {
        return users.findById(id).orElseThrow(() -> new ResourceNotFoundException("user", id));
    }

    @Override
    public List<StaffUser> activeStaff() {
        return users.listActive();
    }

    /**
     * Switches an account on or off. Switching it off ends its sessions, and its API tokens stop
     * working (they are checked against the account on every call).
     */
    @Transactional
    StaffUser setActive(String id, boolean active, String actingEmail) {
        StaffUser user = someoneElse(
                id, actingEmail, "You cannot " + (active ? "activate" : "deactivate") + " your own account");
        if (user.active() == active) {
            return user;
        }
        if (!active && isLastActiveAdmin(user)) {
            throw new ConflictException("The last active admin cannot be deactivated");
        }
        Instant now = Instant.now(clock);
        users.setActive(id, active, now);
        if (!active) {
            users.bumpSecurityStamp(id, now);
        }
        audit.record(actingEmail, active ? "user.activated" : "user.deactivated", user.email(), null);
        return get(id);
    }

    /** Gives an account another role; its sessions end, so the new role applies to its next login. */
    @Transactional
    StaffUser changeRole(String id, Role role, String actingEmail) {
        StaffUser user = someoneElse(id, actingEmail, "You cannot change your own role");
        if (user.role() == role) {
            return user;
        }
        if (user.role() == Role.ADMIN && isLastActiveAdmin(user)) {
            throw new ConflictException("The last active admin must stay an admin");
        }
        Instant now = Instant.now(clock);
        users.setRole(id, role, now);
        users.bumpSecurityStamp(id, now);
        audit.record(
                actingEmail,
                "user.role_changed",
                user.email(),
                "Role " + user.role().value() + " → " + role.value());
        return get(id);
    }

    /**
     * An admin sets a new password for someone (who forgot theirs, or whose password leaked): their
     * sessions end. Their own password admins change like everyone, with the current one.
     */
    @Transactional
    void resetPassword(String id, String password, String actingEmail) {
        StaffUser user = someoneElse(
                id, actingEmail, "Change your own password with your current one (account menu → Password)");
        replacePassword(user, password, "password");
        audit.record(actingEmail, "user.password_reset", user.email(), null);
    }

    private String hash(String password) {
        return Objects.requireNonNull(encoder.encode(password), "the password encoder gave no hash");
    }

    /** Sets and audits a new password for {@code user}, ending their sessions; answers the new security stamp. */
    long replacePassword(StaffUser user, String password, String field) {
        policy.check(field, password, user.email(), user.displayName());
        Instant now = Instant.now(clock);
        users.setPassword(user.id(), hash(password), now);
        return users.bumpSecurityStamp(user.id(), now);
    }

    /** The account {@code id}, which must not be the acting admin's own: {@code refusal} otherwise. */
    private StaffUser someoneElse(String id, String actingEmail, String refusal) {
        StaffUser user = get(id);
        if (user.email().equals(actingEmail)) {
            throw new ConflictException(refusal);
        }
        return user;
    }

    private boolean isLastActiveAdmin(StaffUser user) {
        return user.role() == Role.ADMIN && user.active() && users.countActiveAdmins() <= 1;
    }

    /** Remembers the last interactive (page) login; API calls do not count, or every call would write. */
    @EventListener
    @Transactional
    void recordLogin(InteractiveAuthenticationSuccessEvent event) {
        users.recordLogin(event.getAuthentication().getName(), Instant.now(clock));
        audit.record(event.getAuthentication().getName(), "login.succeeded", null, null);
    }
}
