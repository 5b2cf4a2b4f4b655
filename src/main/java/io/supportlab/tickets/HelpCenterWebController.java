package io.supportlab.tickets;

import io.supportlab.platform.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The public help center: where customers submit tickets (and, with the FAQ, search answers). */
@Controller
class HelpCenterWebController {

    private static final String SUBMITTED = "submitted";

    private final TicketService tickets;

    HelpCenterWebController(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("values", new NewTicket("", "", TicketPriority.MEDIUM, ""));
        model.addAttribute("errors", FormErrors.NONE);
        return "tickets/help";
    }

    @PostMapping("/help/tickets")
    String submit(
            @Valid @ModelAttribute("values") NewTicket values,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", FormErrors.of(binding));
            return "tickets/help";
        }
        Ticket ticket = tickets.create(values, null);
        redirect.addFlashAttribute(SUBMITTED, new SubmittedTicket(ticket.reference(), ticket.contactEmail()));
        return "redirect:/help/submitted";
    }

    @GetMapping("/help/submitted")
    String submitted(HttpServletRequest request, Model model) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash == null || !(flash.get(SUBMITTED) instanceof SubmittedTicket submitted)) {
            return "redirect:/";
        }
        model.addAttribute(SUBMITTED, submitted);
        return "tickets/submitted";
    }
}
