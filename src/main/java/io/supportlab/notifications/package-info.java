/**
 * Communication with customers: the notification outbox (the seed's {@code notifications} table,
 * written in the transaction of the change that causes it, rendered after it), its dispatcher and
 * mail providers, email templates, per-address preferences, daily and weekly digests, and
 * unsubscribe links. What staff can read of an email never holds the customer's live links.
 *
 * <p>Listens to events of {@code tickets}, answers its {@code CustomerEmailReach} and gives its pages
 * the addresses of the emails sent about a ticket ({@code TicketPageParts}); uses {@code
 * accounts} for signed links; exports and erases an address's emails and preferences for {@code
 * privacy}. Nothing depends on this package.
 */
@ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: limits",
            "platform :: persistence",
            "platform :: problems",
            "platform :: web",
            "accounts",
            "privacy",
            "tickets"
        })
@NullMarked
package io.supportlab.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
