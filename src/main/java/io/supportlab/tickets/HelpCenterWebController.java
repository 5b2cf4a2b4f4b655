package io.supportlab.tickets;

import io.supportlab.experiments.ProductExperiments;
import io.supportlab.faq.FaqService;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
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
 * SupportLab's own experiments ({@link TicketFormExperiment}).
 *
 * <p>Every POST answers with a redirect: to the confirmation page, or back to the form (with what
 * was typed, and the problems or the request to confirm, carried as flash attributes), so the
 * address bar never shows the POST and reloading never sends the ticket twice.
 */
@Controller
class HelpCenterWebController {

    private static final Logger log = LoggerFactory.getLogger(HelpCenterWebController.class);

    /** The form's binding name; validation messages are looked up as {@code NotBlank.newTicket.title} etc. */
    static final String FORM_OBJECT = "newTicket";

    private static final String SUBMITTED = "submitted";
    private static final String FORM_STATE = "ticketForm";

    /**
     * The help-center form as shown again after a POST.
     *
     * <p>Serializable: it travels to the next page in the session (a flash attribute).
     *
     * @param confirm true when it came back to be confirmed rather than for errors
     */
    record FormState(NewTicket values, FormErrors errors, String formToken, boolean confirm) implements Serializable {}

    private final CustomerRequests requests;
    private final FaqService faqs;
    private final ProductExperiments experiments;
    private final SpamCheck spam;
    private final MessageSource messages;

    HelpCenterWebController(
            CustomerRequests requests,
            FaqService faqs,
            ProductExperiments experiments,
            SpamCheck spam,
            MessageSource messages) {
        this.requests = requests;
        this.faqs = faqs;
        this.experiments = experiments;
        this.spam = spam;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(Model model, HttpServletRequest request, HttpServletResponse response) {
        FormState state = flashed(request, FORM_STATE, FormState.class)
                .orElseGet(() -> new FormState(
                        new NewTicket("", "", TicketPriority.MEDIUM, ""), FormErrors.NONE, spam.formToken(), false));
        model.addAttribute("formVariant", experiments.variant(TicketFormExperiment.DEFINITION, request, response));
        model.addAttribute("values", state.values());
        model.addAttribute("errors", state.errors());
        model.addAttribute("confirm", state.confirm());
        model.addAttribute("formToken", state.formToken());
        model.addAttribute("categories", faqs.categories());
        model.addAttribute("draftId", Ids.newId());
        return "tickets/help";
    }

    @PostMapping("/help/tickets")
    String submit(
            @Valid @ModelAttribute(FORM_OBJECT) NewTicket values,
            BindingResult binding,
            @RequestParam(required = false) @Nullable String website,
            @RequestParam(required = false) @Nullable String formToken,
            Locale locale,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            FormErrors errors = FormErrors.of(binding, messages, locale);
            redirect.addFlashAttribute(FORM_STATE, new FormState(values, errors, spam.carriedOver(formToken), false));
            return "redirect:/";
        }
        SpamCheck.Verdict verdict = spam.check(website, formToken);
        SpamCheck.FormToken token = verdict.token();
        if (token == null) {
            log.debug("Help-center form shown again to be confirmed: {}", verdict.confirmReason());
            redirect.addFlashAttribute(FORM_STATE, new FormState(values, FormErrors.NONE, spam.confirmToken(), true));
            return "redirect:/";
        }
        // A flagged ticket is filed like any other and reviewed by staff; its page promises no email.
        CustomerRequests.Filed filed = requests.submit(values, token, verdict.flagReason());
        Ticket ticket = filed.ticket();
        if (filed.isNew() && !ticket.spam()) {
            experiments.track("ticket_submitted", request, response);
        }
        redirect.addFlashAttribute(
                SUBMITTED, new SubmittedTicket(ticket.reference(), ticket.contactEmail(), !ticket.spam()));
        return "redirect:/help/submitted";
    }

    @GetMapping("/help/submitted")
    String submitted(HttpServletRequest request, Model model) {
        Optional<SubmittedTicket> submitted = flashed(request, SUBMITTED, SubmittedTicket.class);
        if (submitted.isEmpty()) {
            return "redirect:/";
        }
        model.addAttribute(SUBMITTED, submitted.get());
        return "tickets/submitted";
    }

    /** What the POST before the redirect left for this page, if this is that redirect. */
    private static <T> Optional<T> flashed(HttpServletRequest request, String name, Class<T> type) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        return flash == null
                ? Optional.empty()
                : Optional.ofNullable(flash.get(name)).filter(type::isInstance).map(type::cast);
    }
}
