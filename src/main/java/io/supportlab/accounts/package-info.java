/**
 * Who may do what: staff accounts (admins and agents) with hashed passwords, API tokens, the
 * first-start admin, and the security configuration that maps who may do what (anyone, customer,
 * agent, admin: docs/api.md) onto URLs.
 *
 * <p>Depends on {@code platform} and {@code audit} (logins, users and tokens are audited); password
 * guessing is throttled per account name and address, passwords must pass a strength estimate, and
 * a staff session ends as soon as its account is deactivated or gets another role or password. Other features see the signed-in staff member through
 * Spring Security ({@code Authentication#getName()} is the email) and list staff through {@link
 * io.supportlab.accounts.StaffDirectory}.
 */
@ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: limits",
            "platform :: persistence",
            "platform :: problems",
            "platform :: web",
            "audit"
        })
@NullMarked
package io.supportlab.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
