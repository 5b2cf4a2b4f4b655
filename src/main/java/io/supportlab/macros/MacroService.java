package io.supportlab.macros;

import io.supportlab.accounts.Caller;
import io.supportlab.accounts.StaffDirectory;
import io.supportlab.accounts.StaffUser;
import io.supportlab.audit.AuditLog;
import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.ForbiddenException;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import io.supportlab.platform.web.Text;
import io.supportlab.tickets.NewReply;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Reply;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketChange;
import io.supportlab.tickets.TicketService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping macros (who may see and change which) and applying them to tickets. Applying one is a
 * reply and a change made through {@link TicketService} inside this service's transaction, so the
 * reply, its history, its emails, the actions and the count of uses are written together or not
 * at all.
 */
@Service
class MacroService {

    /** Most macros a page lists at once; a search narrows it. */
    static final int PAGE_LIMIT = 200;
    /** How many the reply box's picker offers, most used first. */
    static final int PICKER_LIMIT = 20;

    /** What applying a macro did. */
    record Applied(Macro macro, Reply reply, Ticket ticket) {}

    private final MacroRepository macros;
    private final TicketService tickets;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;

    MacroService(MacroRepository macros, TicketService tickets, StaffDirectory staff, AuditLog audit, Clock clock) {
        this.macros = macros;
        this.tickets = tickets;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** The macros the agent may use (shared ones and their own), newest first. */
    Page<Macro> page(Agent agent, @Nullable String query, PageRequest page) {
        List<Macro> rows = macros.page(agent.email(), query, page);
        return Page.of(rows, page, m -> PageRequest.cursor(m.createdAt(), m.id()));
    }

    /** The macros the agent may use, by title, for the management page. */
    List<Macro> byTitle(Agent agent, @Nullable String query) {
        return macros.list(agent.email(), query, MacroRepository.Order.TITLE, PAGE_LIMIT);
    }

    /** The macros the agent may use, most used first, for the reply box. */
    List<Macro> forPicker(Agent agent, @Nullable String query) {
        return macros.list(agent.email(), query, MacroRepository.Order.MOST_USED, PICKER_LIMIT);
    }

    /** A macro the agent may use; somebody else's personal macro is not found, as if it did not exist. */
    Macro get(String id, Agent agent) {
        return macros.find(id)
                .filter(macro -> macro.visibleTo(agent))
                .orElseThrow(() -> new ResourceNotFoundException("macro", id));
    }

    @Transactional
    Macro create(MacroDraft draft, Agent agent) {
        MacroVisibility visibility = Objects.requireNonNullElse(draft.visibility(), MacroVisibility.PERSONAL);
        Written written = check(draft);
        requireMayKeep(visibility, agent);
        Instant now = Instant.now(clock);
        Macro macro = new Macro(
                Ids.newId(),
                written.title(),
                written.body(),
                visibility,
                visibility == MacroVisibility.SHARED ? null : agent.email(),
                draft.actionsOrNone(),
                0,
                null,
                agent.email(),
                now,
                now);
        macros.insert(macro);
        if (macro.shared()) {
            audit.record(agent.email(), "macro.created", macro.id(), describe(macro));
        }
        return macro;
    }

    /**
     * Replaces a macro's title, body and actions, and its visibility when the draft names one (a
     * macro made personal becomes the agent's).
     */
    @Transactional
    Macro update(String id, MacroDraft draft, Agent agent) {
        Written written = check(draft);
        Macro current = editable(id, agent);
        MacroVisibility visibility = Objects.requireNonNullElse(draft.visibility(), current.visibility());
        requireMayKeep(visibility, agent);
        String owner = visibility == MacroVisibility.SHARED
                ? null
                : current.visibility() == MacroVisibility.PERSONAL ? current.owner() : agent.email();
        Macro updated = new Macro(
                current.id(),
                written.title(),
                written.body(),
                visibility,
                owner,
                draft.actionsOrNone(),
                current.usageCount(),
                current.lastUsedAt(),
                current.createdBy(),
                current.createdAt(),
                Instant.now(clock));
        macros.update(updated);
        if (current.shared() || updated.shared()) {
            String change = current.visibility() == updated.visibility()
                    ? ""
                    : updated.shared() ? "; now shared" : "; now personal";
            audit.record(agent.email(), "macro.updated", updated.id(), describe(updated) + change);
        }
        return updated;
    }

    @Transactional
    void delete(String id, Agent agent) {
        Macro current = editable(id, agent);
        macros.delete(current.id());
        if (current.shared()) {
            audit.record(agent.email(), "macro.deleted", current.id(), describe(current));
        }
    }

    /** The macro filled in for the ticket and the agent, and what it would do; nothing is written or counted. */
    MacroPreview preview(String ticketId, String macroId, Agent agent) {
        Macro macro = get(macroId, agent);
        Ticket ticket = tickets.get(ticketId, agent.caller());
        String body = render(macro, ticket, agent);
        return new MacroPreview(
                macro.id(),
                macro.title(),
                body,
                macro.actions(),
                macro.actions().effects());
    }

    /**
     * Sends the macro's reply to the ticket as the agent and applies its actions, counting the use.
     * Either all of it is written or, when any part is refused (a status the ticket cannot take, a
     * reply too long), nothing.
     *
     * @param editedBody the reply as the agent edited it after picking the macro; null to send the
     *     macro's body filled in
     * @param visibility the agent's choice of public reply or internal note; null for the macro's
     */
    @Transactional
    Applied apply(
            String ticketId,
            String macroId,
            @Nullable String editedBody,
            Reply.@Nullable Visibility visibility,
            Agent agent) {
        Macro macro = get(macroId, agent);
        Caller caller = agent.caller();
        Ticket ticket = tickets.get(ticketId, caller);
        String body = editedBody != null ? editedBody : render(macro, ticket, agent);
        if (body.length() > NewTicket.MAX_DESCRIPTION) {
            throw new InvalidRequestException(
                    "body",
                    "the reply is " + body.length() + " characters long with the placeholders filled in; at most "
                            + NewTicket.MAX_DESCRIPTION + " are allowed");
        }
        MacroActions actions = macro.actions();
        Reply reply = tickets.reply(
                ticket.id(), new NewReply(body, visibility != null ? visibility : actions.replyVisibility()), caller);
        TicketChange change = actions.ticketChange();
        Ticket after =
                change == null ? tickets.get(ticket.id(), caller) : tickets.change(ticket.id(), change, null, caller);
        // More actions (a team, tags) go here, each through the service that owns what it changes.
        macros.countUse(macro.id(), Instant.now(clock));
        return new Applied(macro, reply, after);
    }

    private String render(Macro macro, Ticket ticket, Agent agent) {
        String name = staff.activeStaff().stream()
                .filter(user -> user.email().equalsIgnoreCase(agent.email()))
                .map(StaffUser::displayName)
                .filter(displayName -> !displayName.isBlank())
                .findFirst()
                .orElse(agent.email());
        return MacroBody.render(macro.body(), new MacroBody.Values(ticket, name, agent.email()));
    }

    /** A macro the agent may change: someone else's personal one is not found, a shared one needs an admin. */
    private Macro editable(String id, Agent agent) {
        Macro macro = macros.findForUpdate(id)
                .filter(m -> m.visibleTo(agent))
                .orElseThrow(() -> new ResourceNotFoundException("macro", id));
        if (!macro.editableBy(agent)) {
            throw new ForbiddenException("Only admins change or delete shared macros");
        }
        return macro;
    }

    private static void requireMayKeep(MacroVisibility visibility, Agent agent) {
        if (visibility == MacroVisibility.SHARED && !agent.admin()) {
            throw new ForbiddenException("Only admins keep shared macros; make it personal");
        }
    }

    /** Title and body as they are stored. */
    private record Written(String title, String body) {}

    /**
     * The draft's title and body cleaned, or a problem naming every field that is wrong: each
     * placeholder that is unknown or malformed is one error on {@code body}, and the problem's
     * {@code placeholders} lists them as written.
     */
    private static Written check(MacroDraft draft) {
        String title = Text.clean(Objects.requireNonNullElse(draft.title(), ""));
        String body = Text.clean(Objects.requireNonNullElse(draft.body(), ""));
        List<FieldError> errors = new ArrayList<>();
        requireLength(errors, "title", title, MacroDraft.MAX_TITLE);
        requireLength(errors, "body", body, MacroDraft.MAX_BODY);
        List<MacroBody.Problem> problems = MacroBody.problems(body);
        problems.forEach(problem -> errors.add(new FieldError("body", problem.message())));
        if (!errors.isEmpty()) {
            InvalidRequestException invalid = new InvalidRequestException(errors);
            if (!problems.isEmpty()) {
                invalid.getBody()
                        .setProperty(
                                "placeholders",
                                problems.stream()
                                        .map(MacroBody.Problem::placeholder)
                                        .toList());
            }
            throw invalid;
        }
        return new Written(title, body);
    }

    private static void requireLength(List<FieldError> errors, String field, String value, int max) {
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "size must be between 0 and " + max));
        }
    }

    private static String describe(Macro macro) {
        return "“" + macro.title() + "”, " + macro.visibility().value();
    }
}
