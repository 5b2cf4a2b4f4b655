/**
 * The Support Tickets feature: tickets with references, the status machine and its history,
 * replies, the customer portal, and the public help center form with its spam defences.
 *
 * <p>Depends on {@code platform}, {@code accounts}, {@code audit} (staff changes), {@code faq} and
 * {@code experiments} (the help center; it declares its ticket form's experiment), {@code privacy}
 * (it holds customers' data), and {@code teams} (every ticket belongs to a team, whose mode
 * may assign it; teams ask about tickets through {@link io.supportlab.teams.TeamTickets}, implemented here). Whether a customer gets email is asked through {@link io.supportlab.tickets.CustomerEmailReach}, which
 * {@code notifications} (a listener of this feature's events) implements; the macros picker in the
 * reply box is found through {@link io.supportlab.tickets.ReplyBoxParts}, which {@code macros}
 * implements.
 */
@ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: limits",
            "platform :: live",
            "platform :: paging",
            "platform :: persistence",
            "platform :: problems",
            "platform :: web",
            "accounts",
            "audit",
            "experiments",
            "faq",
            "privacy",
            "teams"
        })
@NullMarked
package io.supportlab.tickets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
