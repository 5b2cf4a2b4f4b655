package io.supportlab.tickets;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.limits.RateLimiter;
import io.supportlab.platform.persistence.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What anyone may do without signing in: file a ticket (through the help center or the API) and
 * ask for a link to their tickets. Public tickets pass {@link SpamCheck}; access-link requests are
 * only recorded, and {@link AccessLinkRequests} decides them in the background, so the request
 * does the same work whether or not the address has tickets.
 */
@Service
class CustomerRequests {

    /** The ticket a help-center form filed, and whether this submission filed it (false: sent again). */
    record Filed(Ticket ticket, boolean isNew) {}

    private final TicketService tickets;
    private final TicketRepository ticketRows;
    private final CustomerRequestRepository requests;
    private final SpamCheck spam;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerRequests(
            TicketService tickets,
            TicketRepository ticketRows,
            CustomerRequestRepository requests,
            SpamCheck spam,
            RateLimiter limiter,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tickets = tickets;
        this.ticketRows = ticketRows;
        this.requests = requests;
        this.spam = spam;
        this.limiter = limiter;
        this.events = events;
        this.clock = clock;
    }

    /** A ticket sent to the API without staff credentials: flagged when its address has had too many. */
    @Transactional
    public Ticket submit(NewTicket input) {
        return tickets.create(Ids.newId(), input, null, addressReason(input));
    }

    /**
     * A help-center form that {@link SpamCheck#check} let through. Each form files one ticket:
     * sent again (a double click, the back button, a replayed token) it answers with that ticket.
     */
    @Transactional
    public Filed submit(NewTicket input, SpamCheck.FormToken form, @Nullable String flagReason) {
        String id = Ids.newId();
        if (!requests.claimForm(form.nonce(), id, form.expiresAt(), Instant.now(clock))) {
            Optional<Ticket> filed = requests.ticketOfForm(form.nonce()).flatMap(ticketRows::find);
            if (filed.isPresent()) {
                return new Filed(filed.get(), false);
            }
        }
        String reason = flagReason != null ? flagReason : addressReason(input);
        return new Filed(tickets.create(id, input, null, reason), true);
    }

    /**
     * Records a customer's request for a new access link. It writes the same one row for any
     * address; whether a link is mailed is decided later, off the request.
     */
    @Transactional
    public void requestAccessLink(String email) {
        requests.recordAccessLinkRequest(Ids.newId(), EmailAddress.of(email).value(), Instant.now(clock));
    }

    /**
     * Decides the oldest waiting access-link request: the link is mailed only to an address that
     * has tickets, at most {@code supportlab.rate-limits.access-link-emails} times per period.
     *
     * @return false when no request was waiting
     */
    @Transactional
    public boolean decideNextAccessLink() {
        Optional<CustomerRequestRepository.AccessLinkRequest> next = requests.takeOldestAccessLinkRequest();
        if (next.isEmpty()) {
            return false;
        }
        String email = next.get().email();
        if (ticketRows.hasTickets(email)
                && limiter.consume(TicketLimits.ACCESS_LINK_EMAILS, email).allowed()) {
            events.publishEvent(new CustomerAccessRequested(email));
        }
        return true;
    }

    private @Nullable String addressReason(NewTicket input) {
        String email =
                EmailAddress.of(Objects.requireNonNull(input.contactEmail())).value();
        return spam.addressReason(email).orElse(null);
    }
}
