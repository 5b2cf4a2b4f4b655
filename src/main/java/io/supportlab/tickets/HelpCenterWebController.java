package io.supportlab.tickets;

import io.supportlab.faq.FaqService;
import io.supportlab.platform.FormErrors;
import io.supportlab.platform.Ids;
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

/**
 * The public help center: customers search the knowledge base and, when that does not answer
 * them, submit a ticket, with suggested articles appearing as they type.
 */
@Controller
class HelpCenterWebController {

    private static final String SUBMITTED = "submitted";

    private final TicketService tickets;
    private final FaqService faqs;

    HelpCenterWebController(TicketService tickets, FaqService faqs) {
        this.tickets = tickets;
        this.faqs = faqs;
    }

    @GetMapping("/")
    String home(Model model) {
        return render(model, new NewTicket("", "", TicketPriority.MEDIUM, ""), FormErrors.NONE);
    }

    @PostMapping("/help/tickets")
    String submit(
            @Valid @ModelAttribute("values") NewTicket values,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return render(model, values, FormErrors.of(binding));
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

    private String render(Model model, NewTicket values, FormErrors errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", faqs.categories());
        model.addAttribute("draftId", Ids.newId());
        return "tickets/help";
    }
}
