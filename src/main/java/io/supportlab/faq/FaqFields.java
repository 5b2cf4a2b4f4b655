package io.supportlab.faq;

import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/** Field names and the mapping of an article to a Lucene document. */
final class FaqFields {

    static final String ID = "id";
    static final String CATEGORY = "category";
    static final String UPDATED_AT = "updated_at";
    /** Stemmed, stop words removed; stored, so the highlighter reads the original text from it. */
    static final String QUESTION = "question";

    static final String ANSWER = "answer";
    /** Same text, only lower-cased and folded: the target of fuzzy and prefix queries. */
    static final String QUESTION_PLAIN = "question_plain";

    static final String ANSWER_PLAIN = "answer_plain";

    /** Offsets in the postings let the Matches API tell the highlighter where every hit is, fuzzy ones included. */
    private static final FieldType TEXT_WITH_OFFSETS = textType(false);

    private static final FieldType STORED_TEXT_WITH_OFFSETS = textType(true);

    private FaqFields() {}

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    static Term categoryTerm(String category) {
        return new Term(CATEGORY, normalizeCategory(category));
    }

    /** Categories are matched case-insensitively and ignoring surrounding blanks. */
    static String normalizeCategory(String category) {
        return category.strip().toLowerCase(Locale.ROOT);
    }

    static Document toDocument(IndexedFaq faq) {
        Document doc = new Document();
        doc.add(new StringField(ID, faq.id(), Field.Store.YES));
        doc.add(new StringField(CATEGORY, normalizeCategory(faq.category()), Field.Store.NO));
        doc.add(new StoredField(UPDATED_AT, faq.updatedAt().toString()));
        doc.add(new Field(QUESTION, faq.question(), STORED_TEXT_WITH_OFFSETS));
        doc.add(new Field(ANSWER, faq.answer(), STORED_TEXT_WITH_OFFSETS));
        doc.add(new Field(QUESTION_PLAIN, faq.question(), TEXT_WITH_OFFSETS));
        doc.add(new Field(ANSWER_PLAIN, faq.answer(), TEXT_WITH_OFFSETS));
        return doc;
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
