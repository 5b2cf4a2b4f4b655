package io.supportlab.tickets;

import io.supportlab.accounts.Caller;
import io.supportlab.accounts.StaffDirectory;
import io.supportlab.platform.live.LiveUpdates;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.Problems;
import io.supportlab.platform.web.AddressBar;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import io.supportlab.teams.TeamService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Support Tickets tab: submit form, filtered list with live updates, status dropdowns, history
 * modal, and the page of one ticket with its conversation. The full page and its htmx fragments
 * render the same partial templates.
 */
@Controller
@RequestMapping("/tickets")
class TicketWebController {

    /** The agent's edit of a ticket's details from its page. */
    /**
     * The details form: the values chosen and, as hidden fields, those the form showed, so that only
     * what the agent changed is applied. Without the shown values (an older page) the whole form is
     * applied if the ticket is still at {@code version}.
     */
    record DetailsForm(
            @Nullable TicketStatus status,
            @Nullable TicketPriority priority,
            @Nullable String assignee,
            @Nullable String team,
            @Nullable String notes,
            @Nullable Integer version,
            @Nullable TicketStatus shownStatus,
            @Nullable TicketPriority shownPriority,
            @Nullable String shownAssignee,
            @Nullable String shownTeam) {

        @Nullable
        TicketEdit edit() {
            if (status == null || priority == null || shownStatus == null || shownPriority == null) {
                return null;
            }
            return new TicketEdit(
                    shownStatus,
                    shownPriority,
                    shownAssignee == null ? "" : shownAssignee,
                    shownTeam == null ? "" : shownTeam,
                    status,
                    priority,
                    assignee == null ? "" : assignee,
                    team == null ? "" : team,
                    notes);
        }
    }

    private final TicketService tickets;
    private final StaffDirectory staff;
    private final TeamService teams;
    private final LiveUpdates live;
    private final CustomerEmailReach emailReach;
    private final TicketPageParts parts;
    private final ReplyBoxParts replyParts;

    TicketWebController(
            TicketService tickets,
            StaffDirectory staff,
            TeamService teams,
            LiveUpdates live,
            CustomerEmailReach emailReach,
            TicketPageParts parts,
            ReplyBoxParts replyParts) {
        this.tickets = tickets;
        this.staff = staff;
        this.teams = teams;
        this.live = live;
        this.emailReach = emailReach;
        this.parts = parts;
        this.replyParts = replyParts;
    }

    /** Every page and fragment here may show what notifications adds to a ticket. */
    @ModelAttribute("parts")
    TicketPageParts parts() {
        return parts;
    }

    /** The ticket page's reply box offers what macros adds to it. */
    @ModelAttribute("replyParts")
    ReplyBoxParts replyParts() {
        return replyParts;
    }

    @GetMapping
    String page(
            @ModelAttribute("filter") TicketFilter filter,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("list", listView(filter, cursor, request));
        model.addAttribute("values", new NewTicket("", "", TicketPriority.MEDIUM, ""));
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("draftId", io.supportlab.platform.persistence.Ids.newId());
        return "tickets/list";
    }

    /** The list alone, for the filters and live updates; the address bar shows the filtered page. */
    @GetMapping("/list")
    String listFragment(
            @ModelAttribute("filter") TicketFilter filter,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("list", listView(filter, cursor, request));
        AddressBar.show("/tickets", request, response);
        return "tickets/ticketList";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("values") NewTicket values,
            BindingResult binding,
            Authentication caller,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("list", listView(TicketFilter.NONE, null, request));
            model.addAttribute("errors", FormErrors.of(binding));
            model.addAttribute("draftId", io.supportlab.platform.persistence.Ids.newId());
            return "tickets/list";
        }
        Ticket ticket = tickets.create(values, caller.getName());
        Flashes.success(redirect, "Ticket " + ticket.reference() + " created for " + ticket.contactEmail());
        return "redirect:/tickets";
    }

    /** The status dropdown of a ticket card: answers with the updated card. */
    @PostMapping("/{id}/status")
    String changeStatus(
            @PathVariable String id,
            @RequestParam TicketStatus status,
            @RequestParam(required = false) @Nullable Integer version,
            Authentication caller,
            Model model) {
        Caller agent = Caller.of(caller);
        TicketCard card;
        try {
            card = new TicketCard(tickets.change(id, TicketChange.status(status, null), version, agent), null);
        } catch (ErrorResponseException e) {
            String error = Problems.abbreviate(String.valueOf(e.getBody().getDetail()), 300);
            card = new TicketCard(tickets.get(id, agent), error);
        }
        model.addAttribute("card", card);
        return "tickets/ticketCard";
    }

    @GetMapping("/{id}/history")
    String historyFragment(@PathVariable String id, Authentication caller, Model model) {
        Caller agent = Caller.of(caller);
        Ticket ticket = tickets.get(id, agent);
        model.addAttribute("ticket", ticket);
        model.addAttribute("timeline", tickets.timeline(ticket));
        return "tickets/historyDialog";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Authentication caller, Model model) {
        model.addAttribute("view", view(id, Caller.of(caller), FormErrors.NONE));
        return "tickets/detail";
    }

    /** The parts of the ticket page that live updates refresh (the edit forms stay as they are). */
    @GetMapping("/{id}/activity")
    String activityFragment(@PathVariable String id, Authentication caller, Model model) {
        model.addAttribute("view", view(id, Caller.of(caller), FormErrors.NONE));
        return "tickets/activity";
    }

    /** The details form alone, as it is now: an open page takes it when the ticket changes. */
    @GetMapping("/{id}/details")
    String detailsFragment(@PathVariable String id, Authentication caller, Model model) {
        model.addAttribute("view", view(id, Caller.of(caller), FormErrors.NONE));
        return "tickets/detailsForm";
    }

    @PostMapping("/{id}")
    String updateDetails(
            @PathVariable String id,
            @ModelAttribute DetailsForm form,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        Caller agent = Caller.of(caller);
        TicketEdit edit = form.edit();
        try {
            Ticket saved = edit != null
                    ? tickets.edit(id, edit, agent)
                    : tickets.change(
                            id,
                            new TicketChange(
                                    form.status(),
                                    form.priority(),
                                    form.assignee() == null ? "" : form.assignee(),
                                    form.team() == null || form.team().isBlank() ? null : form.team(),
                                    form.notes(),
                                    null,
                                    null),
                            form.version(),
                            agent);
            Flashes.success(redirect, "Saved " + saved.reference());
            return "redirect:/tickets/" + saved.id();
        } catch (ErrorResponseException e) {
            Ticket ticket = tickets.get(id, agent);
            model.addAttribute(
                    "view",
                    view(
                            ticket,
                            agent,
                            edit == null ? DetailsValues.of(ticket) : DetailsValues.chosen(edit, ticket),
                            FormErrors.of("details", String.valueOf(e.getBody().getDetail()))));
            return "tickets/detail";
        }
    }

    /**
     * The tag editor of a ticket's page: adds the tag typed ({@code tag}) or takes off the one whose
     * button was pressed ({@code remove}). htmx gets the editor back, focused, with the problem and
     * what was typed when the tag was refused; a plain form post gets the page.
     */
    @PostMapping("/{id}/tags")
    String changeTags(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String remove,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Authentication caller,
            Model model) {
        Caller agent = Caller.of(caller);
        Ticket ticket;
        String error = "";
        try {
            ticket = remove != null ? tickets.removeTag(id, remove, agent) : tickets.addTag(id, tag, agent);
        } catch (ErrorResponseException e) {
            ticket = tickets.get(id, agent);
            error = e instanceof InvalidRequestException invalid
                            && !invalid.errors().isEmpty()
                    ? sentence(invalid.errors().getFirst().message())
                    : String.valueOf(e.getBody().getDetail());
        }
        if (htmx == null) {
            if (error.isEmpty()) {
                return "redirect:/tickets/" + ticket.id() + "#tags-title";
            }
            model.addAttribute("view", view(ticket, agent, DetailsValues.of(ticket), FormErrors.of("tag", error)));
            return "tickets/detail";
        }
        model.addAttribute("ticket", ticket);
        model.addAttribute("error", error);
        model.addAttribute("typed", error.isEmpty() || tag == null ? "" : tag);
        model.addAttribute("focus", true);
        return "tickets/tagEditor";
    }

    /** A tag's problem as the editor says it: "The tag must not be blank", "A ticket has at most 20 tags". */
    private static String sentence(String problem) {
        return problem.startsWith("must") || problem.startsWith("may")
                ? "The tag " + problem + "."
                : Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
    }

    /** Suggestions for a tag field (its datalist): the tags in use that start with what was typed. */
    @GetMapping("/tag-suggestions")
    String tagSuggestions(@RequestParam(required = false) @Nullable String tag, Model model) {
        List<TagCount> suggestions;
        try {
            suggestions = tickets.tags(tag, TicketService.TAG_SUGGESTIONS);
        } catch (InvalidRequestException e) {
            suggestions = List.of(); // nothing can start with it; the field says why when it is sent
        }
        model.addAttribute("suggestions", suggestions);
        return "tickets/tagOptions";
    }

    @PostMapping("/{id}/not-spam")
    String notSpam(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        try {
            Ticket released = tickets.releaseFromSpam(id, Caller.of(caller));
            Flashes.success(redirect, released.reference() + " is no longer flagged; the customer was emailed");
            return "redirect:/tickets/" + released.id();
        } catch (ErrorResponseException e) {
            Flashes.error(redirect, String.valueOf(e.getBody().getDetail()));
            return "redirect:/tickets/" + id;
        }
    }

    @PostMapping("/{id}/replies")
    String reply(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "public") String visibility,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        Caller agent = Caller.of(caller);
        Reply.Visibility chosen = "internal".equals(visibility) ? Reply.Visibility.INTERNAL : Reply.Visibility.PUBLIC;
        if (body.isBlank()) {
            model.addAttribute("view", view(id, agent, FormErrors.of("body", "Write a message first")));
            return "tickets/detail";
        }
        Reply sent;
        try {
            sent = tickets.reply(id, new NewReply(body, chosen), agent);
        } catch (ErrorResponseException e) {
            model.addAttribute(
                    "view",
                    view(
                            id,
                            agent,
                            FormErrors.of("body", String.valueOf(e.getBody().getDetail()))));
            return "tickets/detail";
        }
        Flashes.success(
                redirect, chosen == Reply.Visibility.PUBLIC ? "Reply sent to the customer" : "Internal note added");
        return "redirect:/tickets/" + sent.ticketId() + "#reply";
    }

    /**
     * The live-update stream of the ticket pages. A browser's own reconnect sends {@code
     * Last-Event-ID}; htmx, when it makes a new stream after a failed one, cannot set headers, so
     * the page sends the last id it saw as {@code lastEventId} (app.js). The header is the newer of
     * the two when both come: the stream that sends it was opened with the parameter.
     */
    @GetMapping(path = "/events", produces = "text/event-stream")
    SseEmitter events(
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            @RequestParam(name = "lastEventId", required = false) @Nullable String fallback) {
        return live.subscribe(TicketLiveUpdates.CHANNEL, lastEventId != null ? lastEventId : fallback);
    }

    private TicketView view(String id, Caller agent, FormErrors errors) {
        Ticket ticket = tickets.get(id, agent);
        return view(ticket, agent, DetailsValues.of(ticket), errors);
    }

    private TicketView view(Ticket ticket, Caller agent, DetailsValues details, FormErrors errors) {
        return new TicketView(
                ticket,
                tickets.replies(ticket, agent),
                tickets.timeline(ticket),
                staff.activeStaff(),
                teams.refs(),
                details,
                errors,
                emailReach.reach(ticket.contactEmail()));
    }

    private TicketListView listView(TicketFilter filter, @Nullable String cursor, HttpServletRequest request) {
        var page = tickets.list(filter, PageRequest.of(null, cursor));
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String next = page.nextCursor() == null
                ? null
                : ServletUriComponentsBuilder.fromRequest(request)
                        .replacePath("/tickets")
                        .replaceQueryParam("cursor", page.nextCursor())
                        .build()
                        .toUriString();
        return new TicketListView(
                page, filter, staff.activeStaff(), teams.refs(), "/tickets/list" + query, next, cursor == null);
    }
}
