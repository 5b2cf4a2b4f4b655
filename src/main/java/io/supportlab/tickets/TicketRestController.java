package io.supportlab.tickets;

import io.supportlab.accounts.Caller;
import io.supportlab.platform.InvalidRequestException;
import io.supportlab.platform.PageRequest;
import io.supportlab.platform.PageResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a valid email address") @Nullable
            String email) {}

    record AccessLinkRequested(String message) {}

    private final TicketService tickets;

    TicketRestController(TicketService tickets) {
        this.tickets = tickets;
    }

    @Operation(
            summary = "Submit a ticket (public)",
            description =
                    "Creates a ticket with status new; the customer is emailed a confirmation with an access link.")
    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    Ticket create(@Valid @RequestBody NewTicket ticket, @Nullable Authentication caller) {
        return tickets.create(ticket, staffEmail(caller));
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
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request) {
        var page = tickets.list(new TicketFilter(status, priority, assignee, q, spam), PageRequest.of(limit, cursor));
        return PageResponses.ok(page, request);
    }

    @Operation(summary = "Get a ticket by id or reference (staff, or its customer with an access token)")
    @GetMapping("/tickets/{id}")
    ResponseEntity<Ticket> get(@PathVariable String id, Authentication caller) {
        Ticket ticket = tickets.get(id, Caller.of(caller));
        return ResponseEntity.ok().eTag(String.valueOf(ticket.version())).body(ticket);
    }

    @Operation(
            summary = "Update status, priority or assignee (staff)",
            description = "Status changes follow the state machine and are kept in the history. Send If-Match with the "
                    + "version you saw (or a version field) to get 409 instead of overwriting a colleague's change.")
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
    @PostMapping("/tickets/{id}/not-spam")
    Ticket notSpam(@PathVariable String id, Authentication caller) {
        return tickets.releaseFromSpam(id, Caller.of(caller));
    }

    @Operation(summary = "Status history, oldest first, including the creation")
    @GetMapping("/tickets/{id}/history")
    List<StatusChange> history(@PathVariable String id, Authentication caller) {
        return tickets.history(id, Caller.of(caller));
    }

    @Operation(
            summary = "Everything that happened to a ticket but its conversation (staff)",
            description = "One entry per change, oldest first: the status change if any, the other fields that "
                    + "changed (priority, assignee) and the note given. Customers see the status history only.")
    @GetMapping("/tickets/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable String id, Authentication caller) {
        return tickets.timeline(id, Caller.of(caller));
    }

    @Operation(summary = "The conversation, oldest first (customers see public replies only)")
    @GetMapping("/tickets/{id}/replies")
    List<Reply> replies(@PathVariable String id, Authentication caller) {
        return tickets.replies(id, Caller.of(caller));
    }

    @Operation(
            summary = "Reply to a ticket",
            description = "Staff replies are public (emailed to the customer) unless visibility is internal; "
                    + "customers can only reply publicly to their own tickets.")
    @PostMapping("/tickets/{id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    Reply reply(@PathVariable String id, @Valid @RequestBody NewReply reply, Authentication caller) {
        return tickets.reply(id, reply, Caller.of(caller));
    }

    @Operation(
            summary = "Email a customer a new access link (public)",
            description = "Answers the same whether or not the address has tickets, so it reveals nothing.")
    @PostMapping("/access-links")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AccessLinkRequested requestAccessLink(@Valid @RequestBody AccessLinkRequest request) {
        tickets.requestAccessLink(java.util.Objects.requireNonNull(request.email()));
        return new AccessLinkRequested("If we have tickets for this address, a link to them is on its way.");
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
