/**
 * Teams (Zammad's and Zendesk's "groups"): named groups of staff that own tickets, one of them the
 * default, each with an assignment mode (manual, round-robin, fewest open tickets) that picks the
 * assignee of a ticket that arrives unassigned; and whether each staff member is available or away.
 *
 * <p>Depends on {@code platform}, {@code accounts} (members are staff accounts) and {@code audit}
 * (team changes are audited). {@code tickets} depends on this module; what teams need to know about
 * tickets (open tickets per agent, moving a deleted team's tickets) they ask through {@link
 * io.supportlab.teams.TeamTickets}, which {@code tickets} implements.
 */
@ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: persistence",
            "platform :: problems",
            "platform :: web",
            "accounts",
            "audit"
        })
@NullMarked
package io.supportlab.teams;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
