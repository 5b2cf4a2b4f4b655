package io.supportlab.faq;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.problems.ConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sample articles for a knowledge base that is still empty, added only when staff ask for them, so
 * that a newcomer sees search, suggestions and analytics at work before writing their own. They are
 * ordinary published articles afterwards, to edit or delete.
 */
@Component
class SampleArticles {

    static final String RESOURCE = "samples/faqs.json";

    private final FaqService faqs;
    private final FaqRepository rows;
    private final AuditLog audit;
    private final List<FaqDraft> samples;

    SampleArticles(FaqService faqs, FaqRepository rows, AuditLog audit, JsonMapper json) {
        this.faqs = faqs;
        this.rows = rows;
        this.audit = audit;
        this.samples = read(json);
    }

    /** Whether the knowledge base has no article at all (drafts included). */
    boolean knowledgeBaseEmpty() {
        return rows.isEmpty();
    }

    int count() {
        return samples.size();
    }

    /**
     * Adds the samples, published.
     *
     * @throws ConflictException when the knowledge base already has articles: samples are for
     *     starting out, never mixed into real content
     */
    @Transactional
    List<Faq> add() {
        if (!rows.isEmpty()) {
            throw new ConflictException(
                    "The knowledge base already has articles; samples are only added to an empty one");
        }
        List<Faq> added = samples.stream().map(faqs::create).toList();
        audit.record("faq.samples_added", null, added.size() + " sample articles");
        return added;
    }

    private static List<FaqDraft> read(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            List<FaqDraft> drafts = json.readValue(in, new TypeReference<List<FaqDraft>>() {});
            return drafts.stream()
                    .map(d -> new FaqDraft(d.question(), d.answer(), d.category(), FaqStatus.PUBLISHED))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
