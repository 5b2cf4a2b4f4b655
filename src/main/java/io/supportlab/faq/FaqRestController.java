package io.supportlab.faq;

import io.supportlab.platform.paging.OffsetPageRequest;
import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.paging.PageResponses;
import io.supportlab.platform.persistence.Pseudonyms;
import io.supportlab.platform.problems.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
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

/** The seed's FAQ endpoints, with ranked search, suggestions, feedback and analytics. */
@Tag(name = "FAQ")
@RestController
@RequestMapping("/api/faqs")
class FaqRestController {

    static final int SEARCH_PAGE_SIZE = HelpArticleWebController.RESULTS;

    record Feedback(@NotNull @Nullable Boolean helpful) {}

    record NewCategory(@NotBlank @Size(max = 40) @Nullable String name) {}

    record Deflection(@NotBlank @Size(max = 100) @Nullable String draftId) {}

    private final FaqService faqs;
    private final FaqAnalytics analytics;
    private final Pseudonyms pseudonyms;

    FaqRestController(FaqService faqs, FaqAnalytics analytics, Pseudonyms pseudonyms) {
        this.faqs = faqs;
        this.analytics = analytics;
        this.pseudonyms = pseudonyms;
    }

    @Operation(summary = "Create an article (staff)", description = "Published unless status is draft.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Faq create(@Valid @RequestBody FaqDraft draft) {
        return faqs.create(draft);
    }

    @Operation(
            summary = "List or search published articles (public)",
            description =
                    "With search: ranked by relevance, "
                            + "stemmed and typo-tolerant, with highlights. Without: newest first. Staff may add status=draft or status=all.")
    @ApiResponse(
            responseCode = "200",
            description = "Articles (a list), or hits with their score and highlights (a search); the next page in the"
                    + " Link header",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            schema =
                                                    @Schema(
                                                            type = "object",
                                                            oneOf = {Faq.class, FaqHit.class}))))
    @GetMapping
    ResponseEntity<? extends List<?>> list(
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String category,
            @Parameter(description = "published (default), draft or all; the last two for staff")
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @Parameter(description = "page size: 20 by default for a search (as the help center shows), 50 for a list")
                    @RequestParam(required = false)
                    @Nullable
                    Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @Nullable Authentication caller,
            HttpServletRequest request) {
        if (search != null && !search.isBlank()) {
            // Every hit of a search is highlighted, the bulk of its cost: a page is what a person reads.
            OffsetPageRequest page = OffsetPageRequest.of(limit, cursor, SEARCH_PAGE_SIZE);
            Page<FaqHit> hits = faqs.search(search, category, page.offset(), page.limit(), FaqCallers.userType(caller));
            return PageResponses.ok(hits, request);
        }
        FaqStatus wanted = statusFilter(status, FaqCallers.staff(caller));
        return PageResponses.ok(faqs.list(category, wanted, PageRequest.of(limit, cursor)), request);
    }

    @Operation(
            summary = "Suggest articles for a ticket being written (public)",
            description = "text: the ticket's " + "title and description (at least 3 characters).")
    @GetMapping("/suggestions")
    List<FaqHit> suggestions(@RequestParam(defaultValue = "") String text, @Nullable Authentication caller) {
        if (text.length() > 20_000) {
            throw new InvalidRequestException("text", "must be at most 20000 characters");
        }
        return faqs.suggestions(text, FaqCallers.userType(caller));
    }

    @Operation(summary = "Articles per category, the seed's shape (public)")
    @GetMapping("/categories/stats")
    List<Map<String, Object>> categoryStats() {
        return faqs.categoryStats();
    }

    @Operation(summary = "Categories with their published article counts (public)")
    @GetMapping("/categories")
    List<Category> categories() {
        return faqs.categories();
    }

    @Operation(summary = "Add a category (staff)")
    @ApiResponse(responseCode = "409", description = "The category already exists")
    @PostMapping("/categories")
    @ResponseStatus(HttpStatus.CREATED)
    Category addCategory(@Valid @RequestBody NewCategory category) {
        return faqs.addCategory(java.util.Objects.requireNonNull(category.name()));
    }

    @Operation(summary = "Search analytics: top and unanswered queries, most viewed and helpful, deflections (staff)")
    @GetMapping("/analytics")
    FaqAnalytics.Summary analytics() {
        return analytics.summary();
    }

    @Operation(
            summary = "Get an article (public; drafts for staff)",
            description = "Counts a view, once per client (network address) and UTC day; staff views do not count.")
    @GetMapping("/{id}")
    Faq get(@PathVariable String id, @Nullable Authentication caller, HttpServletRequest request) {
        boolean staff = FaqCallers.staff(caller);
        Faq faq = faqs.get(id, staff);
        if (!staff) {
            faqs.countView(faq.id(), pseudonyms.ofClient(request));
        }
        return faq;
    }

    @Operation(summary = "Replace an article (staff)")
    @PutMapping("/{id}")
    Faq update(@PathVariable String id, @Valid @RequestBody FaqDraft draft) {
        return faqs.update(id, draft);
    }

    @Operation(summary = "Delete an article (staff)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        faqs.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Was this article helpful? (public)",
            description = "One vote per client (network address) and article: voting again changes the vote. "
                    + "Answers the article with its counts.")
    @PostMapping("/{id}/feedback")
    Faq feedback(@PathVariable String id, @Valid @RequestBody Feedback feedback, HttpServletRequest request) {
        return faqs.feedback(id, java.util.Objects.requireNonNull(feedback.helpful()), pseudonyms.ofClient(request));
    }

    @Operation(
            summary = "A customer writing a ticket opened this suggested article (public)",
            description = "Counted once per article and draft, and once per article, client (network address) and "
                    + "UTC day.")
    @PostMapping("/{id}/deflections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void deflection(@PathVariable String id, @Valid @RequestBody Deflection deflection, HttpServletRequest request) {
        analytics.recordDeflection(
                id, java.util.Objects.requireNonNull(deflection.draftId()), pseudonyms.ofClient(request));
    }

    private static @Nullable FaqStatus statusFilter(@Nullable String status, boolean staff) {
        if (status == null || status.isBlank() || status.equals("published")) {
            return FaqStatus.PUBLISHED;
        }
        if (!staff) {
            throw new InvalidRequestException("status", "only staff may list drafts");
        }
        return switch (status) {
            case "draft" -> FaqStatus.DRAFT;
            case "all" -> null;
            default ->
                throw new InvalidRequestException("status", "'" + status + "' is not one of: published, draft, all");
        };
    }
}
