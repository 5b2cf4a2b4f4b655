package io.supportlab.accounts;

import io.supportlab.platform.EmailAddress;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (no users at all) creates the admin account, with the configured password or
 * a generated one that is printed to the log exactly once. A configured password must pass the
 * same strength check as any other, or the start stops; configured later, it is ignored with a
 * warning that says how to reset a lost password instead.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String NAME = "Administrator";

    private final UserRepository users;
    private final UserService service;
    private final PasswordPolicy policy;
    private final AccountsProperties properties;

    FirstAdmin(UserRepository users, UserService service, PasswordPolicy policy, AccountsProperties properties) {
        this.users = users;
        this.service = service;
        this.policy = policy;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String configured = properties.password();
        boolean generated = configured == null || configured.isBlank();
        if (!users.isEmpty()) {
            if (!generated) {
                log.warn(
                        "SUPPORTLAB_ADMIN_PASSWORD (supportlab.admin.password) is set, but it is used only on the "
                                + "first start, to create the admin account, and users exist already: it is ignored. "
                                + "To reset a lost admin password, run SupportLab once with "
                                + "--{}=<email> (see docs/operations.md), then remove the variable.",
                        AdminPasswordReset.OPTION);
            }
            return;
        }
        String password = configured == null || configured.isBlank() ? generatePassword() : configured;
        String email = EmailAddress.of(properties.email()).value();
        policy.weakness(password, email, NAME).ifPresent(reason -> {
            throw new IllegalStateException("SUPPORTLAB_ADMIN_PASSWORD " + reason + (reason.endsWith(".") ? "" : ".")
                    + " Choose a stronger password (at least " + PasswordPolicy.MIN_LENGTH
                    + " characters; several unusual words work well), or leave it unset to have one generated.");
        });
        service.create(new NewStaffUser(email, NAME, password, Role.ADMIN), "system");
        if (generated) {
            log.warn("""

                    ************************************************************
                      First start: created the admin account
                        email:    {}
                        password: {}
                      This password is shown only once. Log in and keep it safe,
                      or set SUPPORTLAB_ADMIN_PASSWORD before the first start.
                    ************************************************************""", email, password);
        } else {
            log.info("First start: created the admin account {}", email);
        }
    }

    /** 144 random bits as 24 URL-safe characters. */
    static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
