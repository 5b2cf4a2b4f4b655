package io.supportlab.tickets;

import io.supportlab.accounts.Caller;
import io.supportlab.accounts.StaffDirectory;
import io.supportlab.accounts.StaffUser;
import io.supportlab.audit.AuditLog;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import io.supportlab.platform.web.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help desk's rules: creating tickets, the status state machine with its history, the
 * conversation, and who may see what. Every change runs in one transaction together with the events
 * it publishes, so the notification outbox rows written by listeners commit with it.
 */
@Service
public class TicketService {

    static final int CUSTOMER_LIST_LIMIT = 100;

    private final TicketRepository tickets;
    private final ConversationRepository conversation;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CustomerView customerView;
    private final Clock clock;

    TicketService(
            TicketRepository tickets,
            ConversationRepository conversation,
            StaffDirectory staff,
            ApplicationEventPublisher events,
            AuditLog audit,
            CustomerView customerView,
            Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.staff = staff;
        this.events = events;
        this.audit = audit;
        this.customerView = customerView;
        this.clock = clock;
    }

    /**
     * Files a ticket from input that passed bean validation. The creation is the first history entry.
     *
     * @param submittedBy a staff email when staff file it for a customer; null for the public form
     */
    @Transactional
    public Ticket create(NewTicket input, @Nullable String submittedBy) {
        return file(Ids.newId(), input, submittedBy, null);
    }

    /**
     * Files a ticket under a given id, flagged as spam when {@code spamReason} is given: it is stored
     * like any other (nothing is silently dropped) but hidden from the default list and mailed to
     * nobody. For {@link CustomerRequests}, which applies the public submissions' spam checks.
     */
    @Transactional
    Ticket create(String id, NewTicket input, @Nullable String submittedBy, @Nullable String spamReason) {
        return file(id, input, submittedBy, spamReason);
    }

    private Ticket file(String id, NewTicket input, @Nullable String submittedBy, @Nullable String spamReason) {
        Instant now = Instant.now(clock);
        String email = normalizeEmail(Objects.requireNonNull(input.contactEmail()));
        long number = tickets.nextNumber();
        Ticket ticket = new Ticket(
                id,
                Ticket.reference(number),
                Text.clean(Objects.requireNonNull(input.title())),
                Text.clean(Objects.requireNonNull(input.description())),
                input.priority() == null ? TicketPriority.MEDIUM : input.priority(),
                TicketStatus.NEW,
                email,
                null,
                1,
                now,
                now,
                null,
                spamReason != null);
        requireText("title", ticket.title());
        requireText("description", ticket.description());
        tickets.insert(ticket, number, spamReason);
        conversation.insert(new StatusChange(
                Ids.newId(),
                ticket.id(),
                null,
                TicketStatus.NEW,
                submittedBy == null ? email : submittedBy,
                "Ticket created",
                now));
        events.publishEvent(new TicketCreated(ticket));
        return ticket;
    }

    /**
     * A staff member decides a flagged ticket is a real customer's: it joins the normal list and the
     * customer now gets the confirmation email they did not get when they sent it.
     */
    @Transactional
    public Ticket releaseFromSpam(String idOrReference, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        if (!tickets.releaseFromSpam(current.id())) {
            throw new ConflictException("Ticket " + current.reference() + " is not flagged as spam");
        }
        Ticket released = tickets.find(current.id()).orElseThrow();
        audit.record(caller.email(), "ticket.released_from_spam", released.reference(), null);
        events.publishEvent(new TicketCreated(released));
        return released;
    }

    /**
     * A ticket by id or reference ({@code SL-1042}); customers only see their own, and its assignee
     * as {@link CustomerView} shows staff.
     */
    public Ticket get(String idOrReference, Caller caller) {
        Ticket ticket = visible(idOrReference, caller);
        return caller.staff() ? ticket : customerView.ticket(ticket);
    }

    private Ticket visible(String idOrReference, Caller caller) {
        return find(idOrReference)
                .filter(ticket -> caller.staff() || ticket.contactEmail().equals(normalizeEmail(caller.email())))
                .orElseThrow(() -> new ResourceNotFoundException("ticket", idOrReference));
    }

    public Page<Ticket> list(TicketFilter filter, PageRequest page) {
        List<Ticket> rows = tickets.list(filter, page);
        return Page.of(rows, page, t -> PageRequest.cursor(t.createdAt(), t.id()));
    }

    /** The caller's own tickets, newest first (customers see at most the latest hundred). */
    public List<Ticket> customerTickets(String email) {
        return tickets.listForCustomer(normalizeEmail(email), CUSTOMER_LIST_LIMIT);
    }

    /**
     * Changes status, priority or assignee as a staff member.
     *
     * @param basedOnVersion the version the caller saw ({@code If-Match}), or null to apply anyway
     */
    @Transactional
    public Ticket change(String idOrReference, TicketChange change, @Nullable Integer basedOnVersion, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        Integer expected = basedOnVersion != null ? basedOnVersion : change.version();
        if (expected != null && expected != current.version()) {
            throw new ConflictException(
                    "The ticket was changed by someone else (now at version " + current.version() + ", you sent "
                            + expected + "); reload it and apply your change again",
                    Map.of("current_version", current.version()));
        }
        return apply(current, change, caller);
    }

    /**
     * Applies what an agent changed in the ticket's form, leaving alone what others changed since the
     * form was shown (see {@link TicketEdit}).
     */
    @Transactional
    Ticket edit(String idOrReference, TicketEdit edit, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        return apply(current, edit.against(current), caller);
    }

    private Ticket apply(Ticket current, TicketChange change, Caller caller) {
        TicketStatus status = change.status() == null ? current.status() : change.status();
        if (status != current.status() && !current.status().canBecome(status)) {
            throw illegalTransition(current.status(), status);
        }
        TicketPriority priority = change.priority() == null ? current.priority() : change.priority();
        String assignee = change.assignee() == null ? current.assignee() : resolveAssignee(change.assignee());
        boolean statusChanged = status != current.status();
        boolean detailsChanged = priority != current.priority() || !Objects.equals(assignee, current.assignee());
        String notes = Text.cleanOrNull(change.notes());
        Instant now = Instant.now(clock);
        if (!statusChanged && !detailsChanged) {
            if (notes != null) { // a note alone goes into the timeline; the ticket itself is unchanged
                recordFieldChange(current, FieldChange.Field.NOTE, null, notes, caller.email(), now);
                events.publishEvent(new TicketUpdated(current, caller.email()));
            }
            return current;
        }
        Ticket changed = with(current, status, priority, assignee);
        if (!tickets.update(changed, current.version(), now)) {
            throw new ConflictException("The ticket was changed at the same moment; reload it and try again");
        }
        Ticket saved = tickets.find(current.id()).orElseThrow();
        if (priority != current.priority()) {
            recordFieldChange(
                    saved,
                    FieldChange.Field.PRIORITY,
                    current.priority().value(),
                    priority.value(),
                    caller.email(),
                    now);
        }
        if (!Objects.equals(assignee, current.assignee())) {
            recordFieldChange(saved, FieldChange.Field.ASSIGNEE, current.assignee(), assignee, caller.email(), now);
        }
        if (statusChanged) {
            recordStatusChange(saved, current.status(), caller.email(), notes, now, null);
            audit.record(
                    caller.email(),
                    "ticket.status_changed",
                    saved.reference(),
                    current.status().value() + " → " + saved.status().value());
        } else if (notes != null) {
            recordFieldChange(saved, FieldChange.Field.NOTE, null, notes, caller.email(), now);
        }
        if (detailsChanged) {
            audit.record(
                    caller.email(),
                    "ticket.updated",
                    saved.reference(),
                    "priority " + saved.priority().value() + ", assignee "
                            + (saved.assignee() == null ? "none" : saved.assignee()));
            events.publishEvent(new TicketUpdated(saved, caller.email()));
        }
        return saved;
    }

    /** Everything that happened to the ticket but its conversation, one entry per save, oldest first. */
    public List<TimelineEntry> timeline(String idOrReference, Caller caller) {
        String id = get(idOrReference, caller).id();
        return TimelineEntry.of(conversation.history(id), conversation.fieldChanges(id));
    }

    /** The status history, oldest first; customers see who changed it as {@link CustomerView} shows staff. */
    public List<StatusChange> history(String idOrReference, Caller caller) {
        Ticket ticket = visible(idOrReference, caller);
        List<StatusChange> history = conversation.history(ticket.id());
        return caller.staff() ? history : customerView.history(ticket, history);
    }

    /** The conversation, oldest first; customers do not see internal notes, nor staff addresses. */
    public List<Reply> replies(String idOrReference, Caller caller) {
        List<Reply> replies =
                conversation.replies(visible(idOrReference, caller).id(), caller.staff());
        return caller.staff() ? replies : customerView.replies(replies);
    }

    /**
     * Adds a reply. A staff member's public reply to a new ticket starts work on it and counts as
     * the first response; a customer's reply reopens a resolved ticket. Closed tickets take no more
     * customer replies.
     */
    @Transactional
    public Reply reply(String idOrReference, NewReply input, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        if (caller.customer() && !current.contactEmail().equals(normalizeEmail(caller.email()))) {
            throw new ResourceNotFoundException("ticket", idOrReference);
        }
        if (caller.customer() && current.status() == TicketStatus.CLOSED) {
            throw new ConflictException("This ticket is closed; please open a new ticket");
        }
        Instant now = Instant.now(clock);
        Reply.Visibility visibility =
                caller.customer() || input.visibility() == null ? Reply.Visibility.PUBLIC : input.visibility();
        String body = Text.clean(Objects.requireNonNull(input.body()));
        requireText("body", body);
        Reply reply = new Reply(
                Ids.newId(),
                current.id(),
                caller.staff() ? Reply.AuthorType.AGENT : Reply.AuthorType.CUSTOMER,
                caller.email(),
                body,
                visibility,
                now);
        conversation.insert(reply);

        TicketStatus status = statusAfterReply(current.status(), reply);
        // Every reply bumps version and updated_at: a colleague's open copy is then out of date.
        tickets.update(with(current, status, current.priority(), current.assignee()), current.version(), now);
        if (caller.staff() && reply.isPublic()) {
            tickets.markFirstResponse(current.id(), now);
        }
        Ticket saved = tickets.find(current.id()).orElseThrow();
        TicketStatus before = status != current.status() ? current.status() : null;
        if (before != null) {
            String why = caller.staff() ? "Replied to the customer" : "Customer replied";
            recordStatusChange(saved, before, caller.email(), why, now, reply);
        }
        events.publishEvent(new TicketReplied(saved, reply, before));
        return reply;
    }

    private static TicketStatus statusAfterReply(TicketStatus current, Reply reply) {
        if (reply.fromCustomer() && current == TicketStatus.RESOLVED) {
            return TicketStatus.IN_PROGRESS;
        }
        if (!reply.fromCustomer() && reply.isPublic() && current == TicketStatus.NEW) {
            return TicketStatus.IN_PROGRESS;
        }
        return current;
    }

    private void recordStatusChange(
            Ticket saved, TicketStatus from, String by, @Nullable String notes, Instant now, @Nullable Reply reply) {
        conversation.insert(new StatusChange(Ids.newId(), saved.id(), from, saved.status(), by, notes, now));
        events.publishEvent(new TicketStatusChanged(saved, from, saved.status(), by, notes, reply));
    }

    private void recordFieldChange(
            Ticket ticket,
            FieldChange.Field field,
            @Nullable String from,
            @Nullable String to,
            String by,
            Instant now) {
        conversation.insert(new FieldChange(Ids.newId(), ticket.id(), field, from, to, by, now));
    }

    private Ticket lockForChange(String idOrReference) {
        String id = find(idOrReference)
                .map(Ticket::id)
                .orElseThrow(() -> new ResourceNotFoundException("ticket", idOrReference));
        return tickets.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("ticket", idOrReference));
    }

    private Optional<Ticket> find(String idOrReference) {
        if (Ids.isValid(idOrReference)) {
            return tickets.find(idOrReference.toLowerCase(Locale.ROOT));
        }
        String upper = idOrReference.toUpperCase(Locale.ROOT);
        if (upper.startsWith(Ticket.REFERENCE_PREFIX) && upper.length() <= 15) {
            try {
                return tickets.findByNumber(Long.parseLong(upper.substring(Ticket.REFERENCE_PREFIX.length())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private @Nullable String resolveAssignee(String requested) {
        if (requested.isBlank()) {
            return null;
        }
        String email = normalizeEmail(requested);
        boolean known = staff.activeStaff().stream().map(StaffUser::email).anyMatch(email::equals);
        if (!known) {
            throw new InvalidRequestException("assignee", "no active staff member has the email " + email);
        }
        return email;
    }

    private static ConflictException illegalTransition(TicketStatus from, TicketStatus to) {
        List<String> allowed = from.next().stream().map(TicketStatus::value).toList();
        String detail = allowed.isEmpty()
                ? "A " + from.value() + " ticket cannot change status"
                : "A " + from.value() + " ticket cannot become " + to.value() + "; allowed: "
                        + String.join(", ", allowed);
        return new ConflictException(detail, Map.of("current_status", from.value(), "allowed", allowed));
    }

    private static Ticket with(Ticket t, TicketStatus status, TicketPriority priority, @Nullable String assignee) {
        return new Ticket(
                t.id(),
                t.reference(),
                t.title(),
                t.description(),
                priority,
                status,
                t.contactEmail(),
                assignee,
                t.version(),
                t.createdAt(),
                t.updatedAt(),
                t.firstResponseAt(),
                t.spam());
    }

    private static void requireText(String field, String value) {
        if (value.isEmpty()) {
            throw new InvalidRequestException(field, "must not be blank");
        }
    }

    static String normalizeEmail(String email) {
        return EmailAddress.normalize(email);
    }
}
