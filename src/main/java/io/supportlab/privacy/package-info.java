/**
 * Data rights of customers (the seed's "right to be forgotten, data export"): everything held about
 * an email address exported as one JSON document, or erased (deleted where nothing needs it,
 * anonymised where statistics do). Admins use it from a page and the API; both are audited.
 *
 * <p>Depends on {@code platform} and {@code audit}. Features that hold personal data implement
 * {@link io.supportlab.privacy.PersonalData}, so this package knows none of them and they depend on
 * it, not the other way round.
 */
@ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: paging",
            "platform :: persistence",
            "platform :: problems",
            "platform :: web",
            "audit"
        })
@NullMarked
package io.supportlab.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
