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
import io.supportlab.teams.AutoAssignment;
import io.supportlab.teams.TeamRef;
import io.supportlab.teams.TeamService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help desk's use cases: creating tickets, changing them, the conversation, and who may see
 * what. The rules of a change are the {@link Ticket}'s; this service loads the ticket, asks it, then
 * writes the outcome and publishes its events. Every change runs in one transaction together with
 * the events it publishes, so the notification outbox rows written by listeners commit with it.
 */
@Service
public class TicketService {

    static final int CUSTOMER_LIST_LIMIT = 100;

    private final TicketRepository tickets;
    private final ConversationRepository conversation;
    private final StaffDirectory staff;
    private final TeamService teams;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CustomerView customerView;
    private final Clock clock;

    TicketService(
            TicketRepository tickets,
            ConversationRepository conversation,
            StaffDirectory staff,
            TeamService teams,
            ApplicationEventPublisher events,
            AuditLog audit,
            CustomerView customerView,
            Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.staff = staff;
        this.teams = teams;
        this.events = events;
        this.audit = audit;
        this.customerView = customerView;
        this.clock = clock;
    }

    static final int TAG_SUGGESTIONS = 10;
    static final int MAX_TAG_SUGGESTIONS = 50;

    /**
     * Files a ticket from input that passed bean validation. The creation is the first history entry.
     * It joins the team the input names (staff only) or the default team, and unless it is spam that
     * team's mode may assign it at once (see {@link TeamService#assignNext}).
     *
     * @param submittedBy a staff email when staff file it for a customer (only they may tag it); null
     *     for the public form
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
        String email =
                EmailAddress.of(Objects.requireNonNull(input.contactEmail())).value();
        TicketTags tags = tagsOf(input, submittedBy); // checked before the team's mode takes its turn
        TeamRef team = teams.teamForTicket(submittedBy == null ? null : input.team());
        Optional<AutoAssignment> automatic =
                spamReason == null ? teams.assignNext(team) : Optional.<AutoAssignment>empty();
        long number = tickets.nextNumber();
        Ticket ticket = Ticket.builder()
                .id(id)
                .reference(Ticket.reference(number))
                .title(Text.clean(Objects.requireNonNull(input.title())))
                .description(Text.clean(Objects.requireNonNull(input.description())))
                .priority(input.priority() == null ? TicketPriority.MEDIUM : input.priority())
                .contactEmail(email)
                .assignee(automatic.map(AutoAssignment::email).orElse(null))
                .team(team.id())
                .createdAt(now)
                .spam(spamReason != null)
                .tags(tags.values())
                .build();
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
        automatic.ifPresent(assignment -> {
            conversation.insert(new FieldChange(
                    Ids.newId(),
                    ticket.id(),
                    FieldChange.Field.ASSIGNEE,
                    null,
                    assignment.email(),
                    AutoAssignment.ACTOR,
                    now));
            conversation.insert(new FieldChange(
                    Ids.newId(),
                    ticket.id(),
                    FieldChange.Field.NOTE,
                    null,
                    assignment.note(),
                    AutoAssignment.ACTOR,
                    now));
        });
        events.publishEvent(new TicketCreated(ticket));
        return ticket;
    }

    /** The tags a new ticket is filed with: staff's choice; a customer's submission has none. */
    static TicketTags tagsOf(NewTicket input, @Nullable String submittedBy) {
        if (input.tags() == null || input.tags().isEmpty()) {
            return TicketTags.NONE;
        }
        if (submittedBy == null) {
            throw new InvalidRequestException("tags", "only staff can tag a ticket");
        }
        return TicketTags.of(input.tags());
    }

    /**
     * A staff member decides a flagged ticket is a real customer's: it joins the normal list and the
     * customer now gets the confirmation email they did not get when they sent it.
     */
    @Transactional
    public Ticket releaseFromSpam(String idOrReference, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        Ticket released = tickets.releaseFromSpam(current)
                .orElseThrow(() -> new ConflictException("Ticket " + current.reference() + " is not flagged as spam"));
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
                .filter(ticket ->
                        caller.staff() || EmailAddress.of(caller.email()).matches(ticket.contactEmail()))
                .orElseThrow(() -> new ResourceNotFoundException("ticket", idOrReference));
    }

    /** A page of the list; a team filter may name the team by id or name (400 for neither). */
    public Page<Ticket> list(TicketFilter filter, PageRequest page) {
        TicketFilter byId =
                filter.team() == null || filter.team().isBlank() ? filter : filter.withTeam(teams.idOf(filter.team()));
        List<Ticket> rows = tickets.list(byId, page);
        return Page.of(rows, page, t -> PageRequest.cursor(t.createdAt(), t.id()));
    }

    /** The caller's own tickets, newest first (customers see at most the latest hundred). */
    public List<Ticket> customerTickets(String email) {
        return tickets.listForCustomer(EmailAddress.of(email).value(), CUSTOMER_LIST_LIMIT);
    }

    /**
     * Changes status, priority, assignee, team or tags as a staff member.
     *
     * @param basedOnVersion the version the caller saw ({@code If-Match}), or null to apply anyway
     */
    @Transactional
    public Ticket change(String idOrReference, TicketChange change, @Nullable Integer basedOnVersion, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        current.requireVersion(basedOnVersion != null ? basedOnVersion : change.version());
        return apply(current, change, caller);
    }

    /**
     * Applies what an agent changed in the ticket's form, leaving alone what others changed since the
     * form was shown (see {@link TicketEdit}).
     */
    @Transactional
    Ticket edit(String idOrReference, TicketEdit edit, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        return apply(current, edit.against(current, teams.names()), caller);
    }

    /** A staff member adds a tag to a ticket (from its page, one at a time); one it has already is no change. */
    @Transactional
    Ticket addTag(String idOrReference, @Nullable String tag, Caller caller) {
        String added = TicketTags.tag(tag, "tag");
        Ticket current = lockForChange(idOrReference);
        return retag(current, current.tagSet().with(added), caller);
    }

    /** A staff member takes a tag off a ticket; one it does not have is no change. */
    @Transactional
    Ticket removeTag(String idOrReference, String tag, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        return retag(current, current.tagSet().without(TicketTags.tag(tag, "tag")), caller);
    }

    private Ticket retag(Ticket current, TicketTags tags, Caller caller) {
        return apply(current, new TicketChange(null, null, null, null, null, null, tags.values()), caller);
    }

    /**
     * The tags that start with what a staff member typed, most used first, with how many tickets
     * carry each: suggestions while tagging or filtering.
     *
     * @param prefix blank for all tags
     * @param limit at most this many, up to {@value #MAX_TAG_SUGGESTIONS}; null for {@value #TAG_SUGGESTIONS}
     */
    public List<TagCount> tags(@Nullable String prefix, @Nullable Integer limit) {
        int count = limit == null ? TAG_SUGGESTIONS : limit;
        if (count < 1 || count > MAX_TAG_SUGGESTIONS) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_TAG_SUGGESTIONS);
        }
        return tickets.tagCounts(TicketTags.prefix(prefix, "prefix"), count);
    }

    private Ticket apply(Ticket current, TicketChange change, Caller caller) {
        TicketChange resolved =
                change.assignee() == null ? change : change.withAssignee(resolveAssignee(change.assignee()));
        TeamRef team = null;
        if (change.team() != null) {
            if (change.team().isBlank()) {
                throw new InvalidRequestException("team", "every ticket has a team: name one by id or name");
            }
            team = teams.teamForTicket(change.team());
            resolved = resolved.withTeam(team.id());
        }
        TicketSave save = current.change(resolved, caller.email(), Instant.now(clock));
        if (team != null && save.arrivedUnassigned()) {
            Optional<AutoAssignment> automatic = teams.assignNext(team);
            if (automatic.isPresent()) {
                save = save.withAutomaticAssignment(
                        automatic.get().email(),
                        AutoAssignment.ACTOR,
                        automatic.get().note());
            }
        }
        Ticket saved = store(save);
        if (save.statusChange() != null) {
            audit.record(
                    caller.email(),
                    "ticket.status_changed",
                    saved.reference(),
                    current.status().value() + " → " + saved.status().value());
        }
        if (save.detailsChanged()) {
            audit.record(
                    caller.email(),
                    "ticket.updated",
                    saved.reference(),
                    "priority " + saved.priority().value() + ", assignee "
                            + (saved.assignee() == null ? "none" : saved.assignee())
                            + (saved.team().equals(current.team())
                                    ? ""
                                    : ", team " + (team == null ? saved.team() : team.name()))
                            + (save.tagsChanged()
                                    ? ", tags " + (saved.tags().isEmpty() ? "none" : String.join(" ", saved.tags()))
                                    : ""));
        }
        return saved;
    }

    /** Writes what a save changed and publishes its events; answers the ticket as written. */
    private Ticket store(TicketSave save) {
        Ticket saved = save.before();
        if (save.writesTicket()) {
            saved = tickets.update(save.after(), save.before().version())
                    .orElseThrow(() -> new ConflictException(
                            "The ticket was changed at the same moment; reload it and try again"));
        }
        if (save.tagsChanged()) {
            tickets.retag(saved, save.before().tags(), save.after().tags());
        }
        if (save.statusChange() != null) {
            conversation.insert(save.statusChange());
        }
        save.fieldChanges().forEach(conversation::insert);
        save.events(saved).forEach(events::publishEvent);
        return saved;
    }

    /** Everything that happened to the ticket but its conversation, one entry per save, oldest first. */
    public List<TimelineEntry> timeline(String idOrReference, Caller caller) {
        return timeline(visible(idOrReference, caller));
    }

    /**
     * The timeline of a ticket the caller got from {@link #get}, without looking it up again. Team
     * changes are stored by team id and shown by the team's name now ("a deleted team" for one that
     * is gone; the note of the move names it).
     */
    List<TimelineEntry> timeline(Ticket shown) {
        List<StatusChange> history = conversation.history(shown.id());
        List<FieldChange> changes = conversation.fieldChanges(shown.id());
        if (changes.stream().anyMatch(c -> c.field() == FieldChange.Field.TEAM)) {
            Map<String, String> names = teams.names();
            List<FieldChange> named = new ArrayList<>();
            for (FieldChange c : changes) {
                named.add(
                        c.field() == FieldChange.Field.TEAM
                                ? c.shown(id -> names.getOrDefault(id, "a deleted team"))
                                : c);
            }
            changes = named;
        }
        return TimelineEntry.of(history, changes);
    }

    /** The status history, oldest first; customers see who changed it as {@link CustomerView} shows staff. */
    public List<StatusChange> history(String idOrReference, Caller caller) {
        return history(visible(idOrReference, caller), caller);
    }

    /** The history of a ticket the caller got from {@link #get}, without looking it up again. */
    List<StatusChange> history(Ticket shown, Caller caller) {
        List<StatusChange> history = conversation.history(shown.id());
        return caller.staff() ? history : customerView.history(shown, history);
    }

    /** The conversation, oldest first; customers do not see internal notes, nor staff addresses. */
    public List<Reply> replies(String idOrReference, Caller caller) {
        return replies(visible(idOrReference, caller), caller);
    }

    /** The conversation of a ticket the caller got from {@link #get}, without looking it up again. */
    List<Reply> replies(Ticket shown, Caller caller) {
        List<Reply> replies = conversation.replies(shown.id(), caller.staff());
        return caller.staff() ? replies : customerView.replies(replies);
    }

    /**
     * Adds a reply, which saves the ticket as {@link Ticket#reply} decides (a staff member's public
     * reply to a new ticket starts work on it and counts as the first response; a customer's reply
     * puts a pending, on-hold or resolved ticket back in progress; closed tickets take no more
     * customer replies).
     */
    @Transactional
    public Reply reply(String idOrReference, NewReply input, Caller caller) {
        Ticket current = lockForChange(idOrReference);
        if (caller.customer() && !EmailAddress.of(caller.email()).matches(current.contactEmail())) {
            throw new ResourceNotFoundException("ticket", idOrReference);
        }
        if (caller.customer()) {
            current.requireOpenToCustomer(); // before the body is checked, as the form shows it
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
        TicketSave save = current.reply(reply);
        conversation.insert(reply);
        store(save);
        return reply;
    }

    /** The ticket a change is about, read and (on PostgreSQL) locked in one statement. */
    private Ticket lockForChange(String idOrReference) {
        return TicketKey.of(idOrReference)
                .flatMap(tickets::findForUpdate)
                .orElseThrow(() -> new ResourceNotFoundException("ticket", idOrReference));
    }

    private Optional<Ticket> find(String idOrReference) {
        return TicketKey.of(idOrReference).flatMap(tickets::find);
    }

    /** The staff member a change names, as the ticket stores them; {@code ""} to unassign. */
    private String resolveAssignee(String requested) {
        if (requested.isBlank()) {
            return "";
        }
        String email = EmailAddress.of(requested).value();
        boolean known = staff.activeStaff().stream().map(StaffUser::email).anyMatch(email::equals);
        if (!known) {
            throw new InvalidRequestException("assignee", "no active staff member has the email " + email);
        }
        return email;
    }

    private static void requireText(String field, String value) {
        if (value.isEmpty()) {
            throw new InvalidRequestException(field, "must not be blank");
        }
    }
}
