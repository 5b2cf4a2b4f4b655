package io.supportlab.faq;

import io.supportlab.experiments.ProductExperiments;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.persistence.Pseudonyms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public side of the knowledge base: search (as a page, and as you type), article pages with
 * "was this helpful?", and the suggestions shown while a customer writes a ticket.
 */
@Controller
class HelpArticleWebController {

    static final int RESULTS = 20;

    private final FaqService faqs;
    private final FaqAnalytics analytics;
    private final ProductExperiments experiments;
    private final Pseudonyms pseudonyms;

    HelpArticleWebController(
            FaqService faqs, FaqAnalytics analytics, ProductExperiments experiments, Pseudonyms pseudonyms) {
        this.faqs = faqs;
        this.analytics = analytics;
        this.experiments = experiments;
        this.pseudonyms = pseudonyms;
    }

    @GetMapping("/help/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            @Nullable Authentication caller,
            Model model) {
        List<FaqHit> hits;
        if (q.isBlank()) {
            hits = faqs.list(category, FaqStatus.PUBLISHED, PageRequest.first(RESULTS)).items().stream()
                    .map(FaqWebController::plain)
                    .toList();
        } else {
            hits = faqs.search(q, category, 0, RESULTS, FaqCallers.userType(caller))
                    .items();
        }
        model.addAttribute("q", q);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("hits", hits);
        model.addAttribute("categories", faqs.categories());
        return "true".equals(htmx) ? "faq/helpResults" : "faq/helpSearch";
    }

    /** An article; opened from a ticket-form suggestion ({@code draft}), it counts as a deflection. */
    @GetMapping("/help/articles/{id}")
    String article(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String draft,
            @RequestParam(required = false) @Nullable String voted,
            @Nullable Authentication caller,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Faq faq = faqs.get(id, false);
        String client = pseudonyms.ofClient(request);
        if (!FaqCallers.staff(caller)) {
            faqs.countView(faq.id(), client);
        }
        if (draft != null && Ids.isValid(draft)) {
            analytics.recordDeflection(faq.id(), draft, client);
            // A metric of whichever product experiment measures engagement with suggestions (the ticket form's).
            experiments.track("faq_suggestion_clicked", request, response);
        }
        model.addAttribute("faq", faq);
        model.addAttribute("fromSuggestion", draft != null);
        model.addAttribute("voted", voted != null);
        return "faq/article";
    }

    @PostMapping("/help/articles/{id}/feedback")
    String feedback(
            @PathVariable String id,
            @RequestParam boolean helpful,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        faqs.feedback(id, helpful, pseudonyms.ofClient(request));
        return "redirect:/help/articles/" + id + "?voted";
    }

    /** The suggestion panel under the ticket form: "more like this" on the title and description. */
    @GetMapping("/help/suggestions")
    String suggestions(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String draftId,
            @Nullable Authentication caller,
            Model model) {
        String text = (title + "\n" + description).strip();
        String limited = text.length() > 5_000 ? text.substring(0, 5_000) : text;
        model.addAttribute("suggestions", faqs.suggestions(limited, FaqCallers.userType(caller)));
        model.addAttribute("draftId", Ids.isValid(draftId) ? draftId : "");
        model.addAttribute("tooShort", limited.length() < FaqService.MIN_SUGGESTION_TEXT);
        return "faq/suggestions";
    }
}
