package io.supportlab.tickets;

import io.supportlab.accounts.Caller;
import io.supportlab.platform.DeliverableEmail;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.paging.PageResponses;
import io.supportlab.platform.problems.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The seed's ticket API, extended with filters, pagination, optimistic locking and replies. */
@Tag(name = "Tickets")
@RestController
@RequestMapping("/api")
class TicketRestController {

    record AccessLinkRequest(
            @NotBlank @DeliverableEmail @Nullable String email) {}

    record AccessLinkRequested(String message) {}

    private static final String CUSTOMERS_SEE_NAMES = "A customer sees staff (assignee, changed_by, author) by the "
            + "display name they chose, or \"Support team\", never by their email address; staff see addresses. "
            + "A customer sees an on-hold ticket as in-progress (their history leaves out changes between the two) "
            + "and no tags.";

    private final TicketService tickets;
    private final CustomerRequests requests;

    TicketRestController(TicketService tickets, CustomerRequests requests) {
        this.tickets = tickets;
        this.requests = requests;
    }

    @Operation(
            summary = "Submit a ticket (public)",
            description = "Creates a ticket with status new and emails the customer a confirmation with an access "
                    + "link (unless the address turned emails off). Without staff credentials the spam checks for "
                    + "public tickets apply: beyond a few tickets an hour for one contact address the ticket is filed "
                    + "but flagged (spam: true) and mails nobody. contact_email must be an address at an internet "
                    + "domain: no IP addresses or address literals, no local host names. The ticket joins the "
                    + "default team; staff may name another in team (its id or name). If the team assigns "
                    + "automatically (round-robin, fewest-open), the ticket is assigned to an available member "
                    + "at once. Staff may send tags (at most 20, each at most 50 lower-case letters, digits, '-', "
                    + "'_' or '.'; no spaces); without staff credentials tags are refused.")
    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    Ticket create(@Valid @RequestBody NewTicket ticket, @Nullable Authentication caller) {
        String staff = staffEmail(caller);
        if (staff == null) {
            if (ticket.team() != null) {
                throw new InvalidRequestException(
                        "team", "only staff choose a team; other tickets join the default team");
            }
            TicketService.tagsOf(ticket, null); // refused before anything counts against the address
        }
        return staff != null ? tickets.create(ticket, staff) : requests.submit(ticket);
    }

    @Operation(
            summary = "List tickets (staff)",
            description = "Newest first. The next page is announced in the Link header (rel=\"next\").")
    @GetMapping("/tickets")
    ResponseEntity<List<Ticket>> list(
            @RequestParam(required = false) @Nullable TicketStatus status,
            @RequestParam(required = false) @Nullable TicketPriority priority,
            @Parameter(description = "staff email, or 'none' for unassigned") @RequestParam(required = false) @Nullable
                    String assignee,
            @Parameter(description = "words to find in title, description or contact email")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "true: only the tickets flagged as spam (left out otherwise)")
                    @RequestParam(required = false)
                    @Nullable
                    Boolean spam,
            @Parameter(description = "a team's id or name: only its tickets") @RequestParam(required = false) @Nullable
                    String team,
            @Parameter(description = "a tag the tickets carry; repeat it for tickets that carry all the tags given")
                    @RequestParam(required = false)
                    @Nullable
                    List<String> tag,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request) {
        var page = tickets.list(
                new TicketFilter(status, priority, assignee, q, spam, team, tag), PageRequest.of(limit, cursor));
        return PageResponses.ok(page, request);
    }

    @Operation(
            summary = "Tags in use, most used first (staff)",
            description = "For suggestions while typing a tag: the tags that start with prefix (all without it), "
                    + "each with how many tickets carry it; ties by name. limit: 1 to 50, 10 by default.")
    @GetMapping("/tags")
    List<TagCount> tags(
            @Parameter(description = "what the tag starts with, compared as tags are stored (lower case)")
                    @RequestParam(required = false)
                    @Nullable
                    String prefix,
            @RequestParam(required = false) @Nullable Integer limit) {
        return tickets.tags(prefix, limit);
    }

    @Operation(
            summary = "Get a ticket by id or reference (staff, or its customer with an access token)",
            description = CUSTOMERS_SEE_NAMES)
    @GetMapping("/tickets/{id}")
    ResponseEntity<Ticket> get(@PathVariable String id, Authentication caller) {
        Ticket ticket = tickets.get(id, Caller.of(caller));
        return ResponseEntity.ok().eTag(String.valueOf(ticket.version())).body(ticket);
    }

    @Operation(
            summary = "Update status, priority, assignee, team or tags (staff)",
            description = "Status changes follow the state machine and are kept in the history. team (an id or name) "
                    + "moves the ticket; if it is then unassigned and the new team assigns automatically, an available "
                    + "member is assigned in the same change (the timeline shows it by system). tags replaces the "
                    + "ticket's tags (absent: unchanged; [] removes them all); the change shows in the timeline. "
                    + "Send If-Match with the version you saw (or a version field) to get 409 instead of "
                    + "overwriting a colleague's change.")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The ticket changed since the version sent (`current_version`), or the status cannot become the one asked for (`current_status`, `allowed`)")
    @PutMapping("/tickets/{id}")
    ResponseEntity<Ticket> update(
            @PathVariable String id,
            @Valid @RequestBody TicketChange change,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            Authentication caller) {
        Ticket ticket = tickets.change(id, change, parseVersion(ifMatch), Caller.of(caller));
        return ResponseEntity.ok().eTag(String.valueOf(ticket.version())).body(ticket);
    }

    @Operation(
            summary = "Release a ticket flagged as spam (staff)",
            description = "It joins the normal list and the customer gets the confirmation email; 409 when the "
                    + "ticket is not flagged.")
    @ApiResponse(responseCode = "409", description = "The ticket is not flagged as spam")
    @PostMapping("/tickets/{id}/not-spam")
    Ticket notSpam(@PathVariable String id, Authentication caller) {
        return tickets.releaseFromSpam(id, Caller.of(caller));
    }

    @Operation(summary = "Status history, oldest first, including the creation", description = CUSTOMERS_SEE_NAMES)
    @GetMapping("/tickets/{id}/history")
    List<StatusChange> history(@PathVariable String id, Authentication caller) {
        return tickets.history(id, Caller.of(caller));
    }

    @Operation(
            summary = "Everything that happened to a ticket but its conversation (staff)",
            description = "One entry per change, oldest first: the status change if any, the other fields that "
                    + "changed (priority, assignee, team: shown by the team's name; tags) and the note given. "
                    + "Automatic assignments are entries by system with a note. Customers see the status history "
                    + "only.")
    @GetMapping("/tickets/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable String id, Authentication caller) {
        return tickets.timeline(id, Caller.of(caller));
    }

    @Operation(
            summary = "The conversation, oldest first (customers see public replies only)",
            description = CUSTOMERS_SEE_NAMES)
    @GetMapping("/tickets/{id}/replies")
    List<Reply> replies(@PathVariable String id, Authentication caller) {
        return tickets.replies(id, Caller.of(caller));
    }

    @Operation(
            summary = "Reply to a ticket",
            description = "Staff replies are public (emailed to the customer) unless visibility is internal; "
                    + "customers can only reply publicly to their own tickets.")
    @ApiResponse(responseCode = "409", description = "The ticket is closed: customers open a new one")
    @PostMapping("/tickets/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    Reply reply(@PathVariable String id, @Valid @RequestBody NewReply reply, Authentication caller) {
        return tickets.reply(id, reply, Caller.of(caller));
    }

    @Operation(
            summary = "Email a customer a new access link (public)",
            description = "Answers the same, after the same work, whether or not the address has tickets, so it "
                    + "reveals nothing: the request is only recorded, and a background job mails the link (within "
                    + "seconds) if the address has tickets and has not had too many links this hour.")
    @PostMapping("/access-links")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AccessLinkRequested requestAccessLink(@Valid @RequestBody AccessLinkRequest request) {
        requests.requestAccessLink(java.util.Objects.requireNonNull(request.email()));
        return new AccessLinkRequested(
                "If we have tickets for this address, we will email a link to them, unless we already sent several "
                        + "there recently.");
    }

    private static @Nullable String staffEmail(@Nullable Authentication caller) {
        return caller != null && caller.isAuthenticated() && Caller.of(caller).staff() ? caller.getName() : null;
    }

    static @Nullable Integer parseVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be the ticket's version, as in its ETag");
        }
    }
}
