package io.supportlab.tickets;

import io.supportlab.accounts.Caller;
import io.supportlab.accounts.CustomerAccess;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's view: reached through the signed link in their emails, it shows their own
 * tickets, the public conversation and the status timeline, and lets them reply. Nothing else.
 */
@Controller
@RequestMapping("/my")
class CustomerPortalWebController {

    private final TicketService tickets;
    private final CustomerRequests requests;
    private final CustomerAccess access;

    CustomerPortalWebController(TicketService tickets, CustomerRequests requests, CustomerAccess access) {
        this.tickets = tickets;
        this.requests = requests;
        this.access = access;
    }

    @GetMapping("/link")
    String linkForm(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("sent", false);
        model.addAttribute("expired", false);
        return "tickets/portalLink";
    }

    /** Answers the same whether or not the address has tickets, so the form reveals nothing. */
    @PostMapping("/link")
    String requestLink(@RequestParam(defaultValue = "") String email, Model model) {
        String trimmed = email.strip();
        model.addAttribute("email", trimmed);
        model.addAttribute("expired", false);
        if (!EmailAddress.isDeliverable(trimmed)) {
            model.addAttribute(
                    "errors",
                    FormErrors.of("email", "Enter the email address you used for your ticket, like name@example.com"));
            model.addAttribute("sent", false);
            return "tickets/portalLink";
        }
        requests.requestAccessLink(trimmed);
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("sent", true);
        return "tickets/portalLink";
    }

    @GetMapping("/access")
    String access(
            @RequestParam(defaultValue = "") String token,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<String> email = access.signIn(token, request, response);
        if (email.isEmpty()) {
            model.addAttribute("email", "");
            model.addAttribute("errors", FormErrors.NONE);
            model.addAttribute("sent", false);
            model.addAttribute("expired", true);
            return "tickets/portalLink";
        }
        return "redirect:/my/tickets";
    }

    @GetMapping("/tickets")
    String list(Authentication caller, Model model) {
        model.addAttribute("tickets", tickets.customerTickets(caller.getName()));
        return "tickets/portalList";
    }

    @GetMapping("/tickets/{id}")
    String detail(@PathVariable String id, Authentication caller, Model model) {
        return renderDetail(id, Caller.of(caller), FormErrors.NONE, model);
    }

    @PostMapping("/tickets/{id}/replies")
    String reply(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String body,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        Caller customer = Caller.of(caller);
        if (body.isBlank()) {
            return renderDetail(id, customer, FormErrors.of("body", "Write a message first"), model);
        }
        try {
            tickets.reply(id, new NewReply(body, Reply.Visibility.PUBLIC), customer);
        } catch (ErrorResponseException e) {
            return renderDetail(
                    id,
                    customer,
                    FormErrors.of("body", String.valueOf(e.getBody().getDetail())),
                    model);
        }
        Flashes.success(redirect, "Thanks, your reply was sent to our team.");
        return "redirect:/my/tickets/" + id;
    }

    private String renderDetail(String id, Caller customer, FormErrors errors, Model model) {
        Ticket ticket = tickets.get(id, customer);
        model.addAttribute("ticket", ticket);
        model.addAttribute("replies", tickets.replies(ticket, customer));
        model.addAttribute("history", tickets.history(ticket, customer));
        model.addAttribute("errors", errors);
        return "tickets/portalDetail";
    }
}
