package io.supportlab.faq;

import io.supportlab.experiments.ProductExperiments;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.problems.Problems;
import io.supportlab.platform.web.AddressBar;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The FAQ Management tab: one form that creates and edits, the list with search-as-you-type and a
 * category filter with counts, delete with confirmation, and the analytics panel.
 */
@Controller
class FaqWebController {

    static final int LIST_SIZE = 50;

    private final FaqService faqs;
    private final FaqAnalytics analytics;
    private final ProductExperiments experiments;
    private final SampleArticles samples;

    FaqWebController(FaqService faqs, FaqAnalytics analytics, ProductExperiments experiments, SampleArticles samples) {
        this.faqs = faqs;
        this.analytics = analytics;
        this.experiments = experiments;
        this.samples = samples;
    }

    /** The FAQ form in the variant this staff member is assigned to ({@link FaqFormExperiment}). */
    @ModelAttribute("faqFormVariant")
    String faqFormVariant(HttpServletRequest request, HttpServletResponse response) {
        return experiments.variant(FaqFormExperiment.DEFINITION, request, response);
    }

    @GetMapping("/faq")
    String page(
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "all") String status,
            @RequestParam(required = false) @Nullable String edit,
            Model model) {
        Faq editing = edit == null ? null : faqs.get(edit, true);
        FaqDraft values = editing == null
                ? new FaqDraft("", "", "general", FaqStatus.PUBLISHED)
                : new FaqDraft(editing.question(), editing.answer(), editing.category(), editing.status());
        return render(
                model, list(search, category, status), values, editing == null ? null : editing.id(), FormErrors.NONE);
    }

    @GetMapping("/faq/list")
    String listFragment(
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "all") String status,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("list", list(search, category, status));
        AddressBar.show("/faq", request, response);
        return "faq/faqList";
    }

    @PostMapping("/faq")
    String create(
            @Valid @ModelAttribute("values") FaqDraft values,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (binding.hasErrors()) {
            return render(model, list(null, null, "all"), values, null, FormErrors.of(binding));
        }
        try {
            faqs.create(values);
        } catch (ErrorResponseException e) {
            return render(model, list(null, null, "all"), values, null, errors(e));
        }
        experiments.track("faq_created", request, response);
        Flashes.success(redirect, "FAQ added");
        return "redirect:/faq";
    }

    @PostMapping("/faq/{id}")
    String update(
            @PathVariable String id,
            @Valid @ModelAttribute("values") FaqDraft values,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return render(model, list(null, null, "all"), values, id, FormErrors.of(binding));
        }
        try {
            faqs.update(id, values);
        } catch (ErrorResponseException e) {
            return render(model, list(null, null, "all"), values, id, errors(e));
        }
        Flashes.success(redirect, "FAQ updated");
        return "redirect:/faq";
    }

    @PostMapping("/faq/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        faqs.delete(id);
        Flashes.success(redirect, "FAQ deleted");
        return "redirect:/faq";
    }

    /** Sample articles for an empty knowledge base, on request. */
    @PostMapping("/faq/samples")
    String addSamples(RedirectAttributes redirect) {
        try {
            int added = samples.add().size();
            Flashes.success(redirect, added + " sample articles added; edit or delete them like any other");
        } catch (ErrorResponseException e) {
            Flashes.error(redirect, String.valueOf(e.getBody().getDetail()));
        }
        return "redirect:/faq";
    }

    @PostMapping("/faq/categories")
    String addCategory(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            Category category = faqs.addCategory(name);
            Flashes.success(redirect, "Category “" + category.name() + "” added");
        } catch (ErrorResponseException e) {
            Flashes.error(
                    redirect, Problems.abbreviate(String.valueOf(e.getBody().getDetail()), 200));
        }
        return "redirect:/faq";
    }

    private String render(
            Model model, FaqListView list, FaqDraft values, @Nullable String editingId, FormErrors errors) {
        model.addAttribute("list", list);
        model.addAttribute("values", values);
        model.addAttribute("editingId", editingId);
        model.addAttribute("errors", errors);
        model.addAttribute("analytics", analytics.recentSummary());
        model.addAttribute("sampleOffer", samples.knowledgeBaseEmpty() ? samples.count() : 0);
        return "faq/manage";
    }

    private FaqListView list(@Nullable String search, @Nullable String category, String status) {
        List<Category> categories = faqs.categories();
        String chosenCategory = category == null || category.isBlank() ? null : category;
        List<FaqHit> items;
        if (search != null && !search.isBlank()) {
            items = faqs.search(search, chosenCategory, 0, LIST_SIZE, SearchLog.UserType.STAFF)
                    .items();
        } else {
            FaqStatus wanted = switch (status) {
                case "published" -> FaqStatus.PUBLISHED;
                case "draft" -> FaqStatus.DRAFT;
                default -> null;
            };
            items = faqs.list(chosenCategory, wanted, PageRequest.first(LIST_SIZE)).items().stream()
                    .map(FaqWebController::plain)
                    .toList();
        }
        return new FaqListView(items, search, chosenCategory, status, categories);
    }

    /** An article shown without highlights, escaped like a search hit's. */
    static FaqHit plain(Faq faq) {
        return new FaqHit(
                faq,
                0,
                org.springframework.web.util.HtmlUtils.htmlEscape(faq.question()),
                org.springframework.web.util.HtmlUtils.htmlEscape(
                        io.supportlab.platform.web.Format.excerpt(faq.answer(), 220)));
    }

    private static FormErrors errors(ErrorResponseException e) {
        var fieldErrors = Problems.errorsOf(e.getBody());
        if (!fieldErrors.isEmpty()) {
            return FormErrors.of(
                    fieldErrors.getFirst().field(), fieldErrors.getFirst().message());
        }
        return FormErrors.of("", String.valueOf(e.getBody().getDetail()));
    }
}
