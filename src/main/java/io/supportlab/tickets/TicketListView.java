package io.supportlab.tickets;

import io.supportlab.accounts.StaffUser;
import io.supportlab.platform.paging.Page;
import io.supportlab.teams.TeamRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ticket list as the Support Tickets tab shows it.
 *
 * @param teams every team, for the team filter
 * @param refreshUrl the list fragment with the same filters and page, fetched on live updates
 * @param nextUrl the next page, or null on the last
 */
public record TicketListView(
        Page<Ticket> page,
        TicketFilter filter,
        List<StaffUser> staff,
        List<TeamRef> teams,
        String refreshUrl,
        @Nullable String nextUrl,
        boolean firstPage) {}
