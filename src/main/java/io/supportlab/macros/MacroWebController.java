package io.supportlab.macros;

import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.ForbiddenException;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.web.AddressBar;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import io.supportlab.tickets.Reply;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The macros page (list, search, add, edit, delete) and the picker in a ticket's reply box: search,
 * preview (the text goes into the reply, the actions are shown), and sending the reply with the
 * macro, which applies its actions.
 */
@Controller
class MacroWebController {

    private final MacroService macros;

    MacroWebController(MacroService macros) {
        this.macros = macros;
    }

    @GetMapping("/macros")
    String page(@RequestParam(defaultValue = "") String q, Authentication caller, Model model) {
        Agent agent = Agent.of(caller);
        model.addAttribute("page", page(agent, q, MacroForm.EMPTY, null, FormErrors.NONE));
        return "macros/manage";
    }

    /** The list alone, for the search box; the address bar shows the searched page. */
    @GetMapping("/macros/list")
    String list(
            @RequestParam(defaultValue = "") String q,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("page", page(Agent.of(caller), q, MacroForm.EMPTY, null, FormErrors.NONE));
        AddressBar.show("/macros", request, response);
        return "macros/macroList";
    }

    @GetMapping("/macros/{id}/edit")
    String edit(@PathVariable String id, Authentication caller, Model model, RedirectAttributes redirect) {
        Agent agent = Agent.of(caller);
        Macro macro = macros.get(id, agent);
        if (!macro.editableBy(agent)) {
            Flashes.error(redirect, "Only admins change shared macros");
            return "redirect:/macros";
        }
        model.addAttribute("page", page(agent, "", MacroForm.of(macro), macro.id(), FormErrors.NONE));
        return "macros/manage";
    }

    @PostMapping("/macros")
    String create(@ModelAttribute MacroForm form, Authentication caller, Model model, RedirectAttributes redirect) {
        Agent agent = Agent.of(caller);
        try {
            Macro created = macros.create(form.draft(), agent);
            Flashes.success(redirect, "Added the macro “" + created.title() + "”");
            return "redirect:/macros";
        } catch (InvalidRequestException | ForbiddenException e) {
            model.addAttribute("page", page(agent, "", form, null, errors(e)));
            return "macros/manage";
        }
    }

    @PostMapping("/macros/{id}")
    String update(
            @PathVariable String id,
            @ModelAttribute MacroForm form,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        Agent agent = Agent.of(caller);
        try {
            Macro updated = macros.update(id, form.draft(), agent);
            Flashes.success(redirect, "Saved the macro “" + updated.title() + "”");
            return "redirect:/macros";
        } catch (InvalidRequestException | ForbiddenException e) {
            model.addAttribute("page", page(agent, "", form, id, errors(e)));
            return "macros/manage";
        }
    }

    @PostMapping("/macros/{id}/delete")
    String delete(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        Agent agent = Agent.of(caller);
        try {
            Macro macro = macros.get(id, agent);
            macros.delete(id, agent);
            Flashes.success(redirect, "Deleted the macro “" + macro.title() + "”");
        } catch (ForbiddenException e) {
            Flashes.error(redirect, String.valueOf(e.getBody().getDetail()));
        }
        return "redirect:/macros";
    }

    /** The picker in a ticket's reply box: a search box and the macros most used first. */
    @GetMapping("/macros/picker")
    String picker(@RequestParam String ticket, Authentication caller, Model model) {
        model.addAttribute("ticketId", ticket);
        model.addAttribute("macros", macros.forPicker(Agent.of(caller), null));
        return "macros/picker";
    }

    @GetMapping("/macros/picker/results")
    String pickerResults(
            @RequestParam String ticket,
            @RequestParam(defaultValue = "") String q,
            Authentication caller,
            Model model) {
        model.addAttribute("ticketId", ticket);
        model.addAttribute("macros", macros.forPicker(Agent.of(caller), q));
        return "macros/pickerResults";
    }

    /** A picked macro: its text for the reply (app.js puts it there) and what sending it will do. */
    @GetMapping("/macros/{id}/preview")
    String preview(@PathVariable String id, @RequestParam String ticket, Authentication caller, Model model) {
        model.addAttribute("ticketId", ticket);
        model.addAttribute("preview", macros.preview(ticket, id, Agent.of(caller)));
        model.addAttribute("error", null);
        return "macros/chosen";
    }

    /**
     * The reply box sent with a macro picked (by htmx, see app.js): the reply as the agent edited it,
     * and the macro's actions. A refusal comes back into the reply box, so that nothing typed is lost.
     */
    @PostMapping("/tickets/{ticketId}/macros/{id}")
    String send(
            @PathVariable String ticketId,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "public") String visibility,
            Authentication caller,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Agent agent = Agent.of(caller);
        Reply.Visibility chosen = "internal".equals(visibility) ? Reply.Visibility.INTERNAL : Reply.Visibility.PUBLIC;
        String error;
        if (body.isBlank()) {
            error = "Write a message first";
        } else {
            try {
                MacroService.Applied applied = macros.apply(ticketId, id, body, chosen, agent);
                String sent = (chosen == Reply.Visibility.PUBLIC ? "Reply sent to the customer" : "Internal note added")
                        + " with the macro “" + applied.macro().title() + "”";
                String ticketPage = "/tickets/" + applied.ticket().id();
                if (request.getHeader("HX-Request") == null) {
                    Flashes.success(redirect, sent);
                    return "redirect:" + ticketPage;
                }
                Flashes.htmxRedirectWithSuccess(request, response, ticketPage, sent);
                model.addAttribute("ticketPage", ticketPage);
                return "macros/sent";
            } catch (ErrorResponseException e) {
                error = String.valueOf(e.getBody().getDetail());
            }
        }
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("preview", macros.preview(ticketId, id, agent));
        model.addAttribute("error", error);
        return "macros/chosen";
    }

    private MacroPage page(Agent agent, String query, MacroForm form, @Nullable String editingId, FormErrors errors) {
        return new MacroPage(agent, macros.byTitle(agent, query), query, form, editingId, errors);
    }

    /** The problem's errors by field; several on one field (placeholders) are shown together. */
    private static FormErrors errors(ErrorResponseException e) {
        if (!(e instanceof InvalidRequestException invalid)) {
            return FormErrors.of("visibility", String.valueOf(e.getBody().getDetail()));
        }
        Map<String, String> byField = new LinkedHashMap<>();
        List<FieldError> errors = invalid.errors();
        errors.forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
        return new FormErrors(byField);
    }
}
