/**
 * The staff audit log: who did what (logins, ticket status changes, FAQ edits, experiment
 * lifecycle, user and token management, data exports and erasures), when, and from which address.
 * Append-only; admins read and filter it on a page and through the API.
 *
 * <p>Depends on {@code platform} only, so that every feature can record into it.
 */
@ApplicationModule(
        allowedDependencies = {
            "platform :: limits",
            "platform :: paging",
            "platform :: persistence",
            "platform :: problems",
            "platform :: web"
        })
@NullMarked
package io.supportlab.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
