/**
 * Macros: canned replies with placeholders ({@code {{customer.name}}}, {@code {{ticket.reference}}},
 * ...) and actions applied with them (status, priority, public reply or internal note), shared by
 * the team (kept by admins) or personal to one staff member; the management page and the picker in
 * a ticket's reply box.
 *
 * <p>A module of its own, not part of {@code tickets}: it uses tickets (a macro is sent as a normal
 * reply through {@link io.supportlab.tickets.TicketService}, so history, emails and live updates
 * are the ticket's own) and tickets knows nothing of it but the address of the picker, asked through
 * {@link io.supportlab.tickets.ReplyBoxParts}, which this module implements. Depends on {@code
 * tickets}, {@code accounts} (who is an admin, staff names), {@code audit} (changes to shared
 * macros) and {@code platform}.
 */
@ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: paging",
            "platform :: persistence",
            "platform :: problems",
            "platform :: web",
            "accounts",
            "audit",
            "tickets"
        })
@NullMarked
package io.supportlab.macros;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
