package io.supportlab.tickets;

import io.supportlab.experiments.ProductExperiments;
import io.supportlab.faq.FaqService;
import io.supportlab.platform.FormErrors;
import io.supportlab.platform.Ids;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The public help center: customers search the knowledge base and, when that does not answer
 * them, submit a ticket, with suggested articles appearing as they type. The form is one of
 * SupportLab's own experiments ({@link ProductExperiments#TICKET_FORM}).
 */
@Controller
class HelpCenterWebController {

    private static final String SUBMITTED = "submitted";

    private final TicketService tickets;
    private final FaqService faqs;
    private final ProductExperiments experiments;
    private final SpamCheck spam;

    HelpCenterWebController(TicketService tickets, FaqService faqs, ProductExperiments experiments, SpamCheck spam) {
        this.tickets = tickets;
        this.faqs = faqs;
        this.experiments = experiments;
        this.spam = spam;
    }

    @GetMapping("/")
    String home(Model model, HttpServletRequest request, HttpServletResponse response) {
        return render(model, new NewTicket("", "", TicketPriority.MEDIUM, ""), FormErrors.NONE, request, response);
    }

    @PostMapping("/help/tickets")
    String submit(
            @Valid @ModelAttribute("values") NewTicket values,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String website,
            @RequestParam(required = false) @Nullable String formToken,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            return render(model, values, FormErrors.of(binding), request, response);
        }
        // Flagged submissions look accepted to the sender (a bot learns nothing) and are kept for review.
        String spamReason = spam.reason(website, formToken).orElse(null);
        Ticket ticket = tickets.create(values, null, spamReason);
        if (spamReason == null) {
            experiments.track(ProductExperiments.TICKET_FORM, "ticket_submitted", request, response);
        }
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

    /** The form in the variant this visitor is assigned to (the control when the experiment is off). */
    private String render(
            Model model,
            NewTicket values,
            FormErrors errors,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("formVariant", experiments.variant(ProductExperiments.TICKET_FORM, request, response));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", faqs.categories());
        model.addAttribute("draftId", Ids.newId());
        model.addAttribute("formToken", spam.formToken());
        return "tickets/help";
    }
}
