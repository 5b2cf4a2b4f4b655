package io.supportlab.accounts;

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
 * a generated one that is printed to the log exactly once.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserRepository users;
    private final UserService service;
    private final AccountsProperties properties;

    FirstAdmin(UserRepository users, UserService service, AccountsProperties properties) {
        this.users = users;
        this.service = service;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        String configured = properties.password();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        if (password.length() < UserService.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(
                    "SUPPORTLAB_ADMIN_PASSWORD must have at least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        }
        service.create(new NewStaffUser(properties.email(), "Administrator", password, Role.ADMIN), "system");
        if (generated) {
            log.warn("""

                    ************************************************************
                      First start: created the admin account
                        email:    {}
                        password: {}
                      This password is shown only once. Log in and keep it safe,
                      or set SUPPORTLAB_ADMIN_PASSWORD before the first start.
                    ************************************************************""", properties.email(), password);
        } else {
            log.info("First start: created the admin account {}", properties.email());
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
