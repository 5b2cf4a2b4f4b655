package io.supportlab.macros;

import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.paging.PageResponses;
import io.supportlab.tickets.Ticket;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Macros over JSON: keeping them, previewing one for a ticket, applying one to a ticket. A draft is
 * checked by {@link MacroService}, not by {@code @Valid}, so that one problem names every field that
 * is wrong, the placeholders included (the constraints on {@link MacroDraft} describe it in the API
 * description).
 */
@Tag(name = "Macros")
@RestController
@RequestMapping("/api")
class MacroRestController {

    private static final String PLACEHOLDERS = "The body may use {{customer.name}} (the customer's email address, "
            + "as tickets hold no name), {{customer.email}}, {{ticket.reference}}, {{ticket.title}}, "
            + "{{ticket.status}}, {{agent.name}} and {{agent.email}}; any other {{...}}, or one not closed on its "
            + "line, is refused with 400 on body, and the problem's placeholders lists them.";
    private static final String NOT_YOURS = "Somebody else's personal macro answers 404, as if it did not exist.";

    private final MacroService macros;

    MacroRestController(MacroService macros) {
        this.macros = macros;
    }

    @Operation(
            summary = "List the macros you may use (staff)",
            description = "Shared macros and your own personal ones, newest first. The next page is announced in "
                    + "the Link header (rel=\"next\").")
    @GetMapping("/macros")
    ResponseEntity<List<Macro>> list(
            @Parameter(description = "words that must all appear in the title or the body")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            Authentication caller,
            HttpServletRequest request) {
        return PageResponses.ok(macros.page(Agent.of(caller), q, PageRequest.of(limit, cursor)), request);
    }

    @Operation(
            summary = "Create a macro (staff; shared ones: admin)",
            description = "visibility personal (the default: only you see it) or shared (everyone uses it, admins "
                    + "keep it). actions: status and priority the ticket gets when the macro is applied (absent: "
                    + "left alone), reply_visibility public (default) or internal. " + PLACEHOLDERS)
    @ApiResponse(responseCode = "403", description = "An agent asked for a shared macro: only admins keep them")
    @PostMapping("/macros")
    @ResponseStatus(HttpStatus.CREATED)
    Macro create(@RequestBody MacroDraft draft, Authentication caller) {
        return macros.create(draft, Agent.of(caller));
    }

    @Operation(summary = "Get a macro (staff)", description = NOT_YOURS)
    @GetMapping("/macros/{id}")
    Macro get(@PathVariable String id, Authentication caller) {
        return macros.get(id, Agent.of(caller));
    }

    @Operation(
            summary = "Replace a macro (its owner; shared ones: admin)",
            description = "Title, body and actions are replaced (absent actions: none); visibility changes only "
                    + "when sent (an admin may share a personal macro of theirs, or make a shared one their own). "
                    + PLACEHOLDERS + " " + NOT_YOURS)
    @ApiResponse(responseCode = "403", description = "An agent tried to change a shared macro, or to share one")
    @PutMapping("/macros/{id}")
    Macro update(@PathVariable String id, @RequestBody MacroDraft draft, Authentication caller) {
        return macros.update(id, draft, Agent.of(caller));
    }

    @Operation(summary = "Delete a macro (its owner; shared ones: admin)", description = NOT_YOURS)
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "An agent tried to delete a shared macro")
    @DeleteMapping("/macros/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication caller) {
        macros.delete(id, Agent.of(caller));
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Preview a macro for a ticket (staff)",
            description = "The body with the placeholders filled in for this ticket and you, its actions and what "
                    + "they do in words. Nothing is written, and the use is not counted.")
    @GetMapping("/tickets/{id}/macros/{macro_id}/preview")
    MacroPreview preview(@PathVariable String id, @PathVariable("macro_id") String macroId, Authentication caller) {
        return macros.preview(id, macroId, Agent.of(caller));
    }

    @Operation(
            summary = "Apply a macro to a ticket (staff)",
            description = "Sends the filled-in body as your reply (public, emailed to the customer, or an internal "
                    + "note, as the macro says), then sets the macro's status and priority, and counts the use: "
                    + "like a reply and an update sent one after the other, with the same history, emails and "
                    + "live updates, but all in one transaction. When any part is refused (409 for a status the "
                    + "ticket cannot take), nothing is written. Answers the ticket as it is then; the ETag is its "
                    + "version.")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The ticket cannot take the macro's status (`current_status`, `allowed`); nothing was written")
    @PostMapping("/tickets/{id}/macros/{macro_id}")
    ResponseEntity<Ticket> apply(
            @PathVariable String id, @PathVariable("macro_id") String macroId, Authentication caller) {
        Ticket ticket = macros.apply(id, macroId, null, null, Agent.of(caller)).ticket();
        return ResponseEntity.ok().eTag(String.valueOf(ticket.version())).body(ticket);
    }
}
