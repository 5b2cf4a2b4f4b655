package io.supportlab.faq;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.paging.OffsetPageRequest;
import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import io.supportlab.platform.web.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The knowledge base: articles, categories, search and suggestions, feedback and views. */
@Service
public class FaqService {

    static final int SUGGESTIONS = 5;
    static final int MIN_SUGGESTION_TEXT = 3;

    private final FaqRepository faqs;
    private final ClientCounts counts;
    private final FaqCategories categories;
    private final FaqIndexSync search;
    private final SearchLog searchLog;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    FaqService(
            FaqRepository faqs,
            ClientCounts counts,
            FaqCategories categories,
            FaqIndexSync search,
            SearchLog searchLog,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock) {
        this.faqs = faqs;
        this.counts = counts;
        this.categories = categories;
        this.search = search;
        this.searchLog = searchLog;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Faq create(FaqDraft draft) {
        Instant now = Instant.now(clock);
        Faq faq = new Faq(
                Ids.newId(),
                text("question", draft.question()),
                text("answer", draft.answer()),
                category(draft.category()),
                draft.status() == null ? FaqStatus.PUBLISHED : draft.status(),
                now,
                now,
                0,
                0,
                0);
        faqs.insert(faq);
        audit.record("faq.created", faq.id(), faq.question());
        events.publishEvent(new FaqChanged(faq.id()));
        return faq;
    }

    /** Replaces question, answer and category (the seed's PUT); the status only when given. */
    @Transactional
    public Faq update(String id, FaqDraft draft) {
        Faq current = find(id, true);
        Faq updated = new Faq(
                current.id(),
                text("question", draft.question()),
                text("answer", draft.answer()),
                draft.category() == null ? current.category() : category(draft.category()),
                draft.status() == null ? current.status() : draft.status(),
                current.createdAt(),
                Instant.now(clock),
                current.viewCount(),
                current.helpfulCount(),
                current.notHelpfulCount());
        faqs.update(updated);
        audit.record("faq.updated", id, updated.question());
        events.publishEvent(new FaqChanged(id));
        return updated;
    }

    @Transactional
    public void delete(String id) {
        if (!Ids.isValid(id) || !faqs.delete(id)) {
            throw new ResourceNotFoundException("FAQ", id);
        }
        audit.record("faq.deleted", id, null);
        events.publishEvent(new FaqChanged(id));
    }

    /** An article; drafts only for staff (others get 404, as if it did not exist). */
    public Faq get(String id, boolean staff) {
        return find(id, staff);
    }

    /** Newest first, optionally in one category; {@code status} null lists every status (staff only). */
    public Page<Faq> list(@Nullable String category, @Nullable FaqStatus status, PageRequest page) {
        return Page.of(
                faqs.list(blankToNull(category), status, page), page, f -> PageRequest.cursor(f.createdAt(), f.id()));
    }

    /**
     * Ranked search over published articles; pages are positions in the ranking (the cursor is the
     * offset). Every search is logged for the analytics; one that finds nothing is asked again
     * once the index has caught up, if it had fallen behind, so that a gap in this instance's copy
     * is never counted as a gap in the knowledge base.
     */
    public Page<FaqHit> search(String query, @Nullable String category, int offset, int limit, SearchLog.UserType who) {
        FaqSearchIndex.ResultPage page = search.index().search(query, blankToNull(category), offset, limit);
        if (offset == 0 && page.hits().isEmpty()) {
            // Asked again even when this reconciled nothing: another instance's notice may have
            // brought the article into this copy since the first search ran.
            search.caughtUp();
            page = search.index().search(query, blankToNull(category), offset, limit);
        }
        if (offset == 0) {
            searchLog.record(query, page.hits().size(), who, "search");
        }
        return new Page<>(
                publishedArticles(page.hits()), page.more() ? OffsetPageRequest.cursor(offset + limit) : null);
    }

    /** The best few articles for what a customer is writing in a ticket ("more like this"). */
    public List<FaqHit> suggestions(String text, SearchLog.UserType who) {
        if (text.strip().length() < MIN_SUGGESTION_TEXT) {
            return List.of();
        }
        List<SearchHit> hits = search.index().suggest(text, SUGGESTIONS);
        if (hits.isEmpty()) {
            search.caughtUp();
            hits = search.index().suggest(text, SUGGESTIONS);
        }
        searchLog.record(text, hits.size(), who, "suggestion");
        return publishedArticles(hits);
    }

    /**
     * The hits' articles, read with one query, in the hits' order; a hit whose article was deleted
     * or unpublished since the index saw it is left out.
     */
    private List<FaqHit> publishedArticles(List<SearchHit> hits) {
        Map<String, Faq> byId = faqs.findAll(hits.stream().map(SearchHit::id).toList()).stream()
                .filter(Faq::published)
                .collect(Collectors.toMap(Faq::id, f -> f));
        return hits.stream()
                .flatMap(hit -> Optional.ofNullable(byId.get(hit.id()))
                        .map(faq -> new FaqHit(faq, hit.score(), hit.questionHighlight(), hit.answerSnippet()))
                        .stream())
                .toList();
    }

    public List<Category> categories() {
        return categories.withCounts();
    }

    public List<Map<String, Object>> categoryStats() {
        return categories.stats();
    }

    @Transactional
    public Category addCategory(String name) {
        String clean = Text.clean(name);
        if (clean.isEmpty() || clean.length() > 40) {
            throw new InvalidRequestException("name", "must be 1 to 40 characters");
        }
        String slug =
                clean.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            throw new InvalidRequestException("name", "must contain letters or digits");
        }
        if (faqs.categoryExists(slug)) {
            throw new ConflictException("The category '" + slug + "' already exists");
        }
        faqs.insertCategory(slug, clean, Instant.now(clock));
        audit.record("faq.category_added", slug, clean);
        events.publishEvent(new FaqCategories.Added(slug));
        return new Category(slug, clean, 0);
    }

    /**
     * "Was this helpful?" from {@code client} (a keyed hash of its address): one vote per client and
     * article, which a second answer changes rather than adds to.
     */
    @Transactional
    public Faq feedback(String id, boolean helpful, String client) {
        find(id, false);
        counts.vote(id, client, helpful, Instant.now(clock));
        return find(id, false);
    }

    /** Counts a view of the article, once per client and UTC day. */
    @Transactional
    public void countView(String id, String client) {
        counts.view(id, client, Instant.now(clock));
    }

    private Faq find(String id, boolean includeDrafts) {
        return (Ids.isValid(id) ? faqs.find(id) : java.util.Optional.<Faq>empty())
                .filter(faq -> includeDrafts || faq.published())
                .orElseThrow(() -> new ResourceNotFoundException("FAQ", id));
    }

    private String category(@Nullable String requested) {
        String slug = requested == null || requested.isBlank()
                ? "general"
                : requested.strip().toLowerCase(Locale.ROOT);
        if (!faqs.categoryExists(slug)) {
            String known = faqs.categories().stream().map(Category::slug).collect(Collectors.joining(", "));
            throw new InvalidRequestException(
                    "category", "'" + slug + "' is not a category; use one of " + known + " or add it first");
        }
        return slug;
    }

    private static String text(String field, @Nullable String value) {
        String clean = Text.clean(Objects.requireNonNullElse(value, ""));
        if (clean.isEmpty()) {
            throw new InvalidRequestException(field, "must not be blank");
        }
        return clean;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
