package io.supportlab.faq;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Field names, the mapping of an article to a Lucene document, and reading its values back.
 *
 * <p>Values are kept as doc values, not stored fields: reading a stored field decompresses a whole block of
 * documents for every hit, a doc value is a slice of a memory-mapped file (several times cheaper; bench/README.md,
 * "FAQ search internals"). The id is a binary doc
 * value, not a sorted one: looking up a sorted value's term decompresses a block of the terms dictionary (a tenth of
 * a search's time with 50 hits), and nothing sorts by id.
 */
final class FaqFields {

    /** Indexed for updates and deletes, and a doc value for reading. */
    static final String ID = "id";

    static final String CATEGORY = "category";
    static final String UPDATED_AT = "updated_at";
    /** Stemmed, stop words removed: BM25 ranking and phrases. */
    static final String QUESTION = "question";

    static final String ANSWER = "answer";
    /** Same text, only lower-cased and folded: the target of fuzzy and prefix queries. */
    static final String QUESTION_PLAIN = "question_plain";

    static final String ANSWER_PLAIN = "answer_plain";
    /** The original text, for the highlighter. */
    static final String QUESTION_TEXT = "question_text";

    static final String ANSWER_TEXT = "answer_text";

    /** Positions for phrase queries. */
    private static final FieldType STEMMED_TEXT = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    /** Only fuzzy and prefix queries use the plain fields: no phrases, so no positions. */
    private static final FieldType PLAIN_TEXT = textType(IndexOptions.DOCS_AND_FREQS);

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
        doc.add(new StringField(ID, faq.id(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID, new BytesRef(faq.id())));
        doc.add(new StringField(CATEGORY, normalizeCategory(faq.category()), Field.Store.NO));
        doc.add(new BinaryDocValuesField(
                UPDATED_AT, new BytesRef(faq.updatedAt().toString())));
        doc.add(new Field(QUESTION, faq.question(), STEMMED_TEXT));
        doc.add(new Field(ANSWER, faq.answer(), STEMMED_TEXT));
        doc.add(new Field(QUESTION_PLAIN, faq.question(), PLAIN_TEXT));
        doc.add(new Field(ANSWER_PLAIN, faq.answer(), PLAIN_TEXT));
        doc.add(new BinaryDocValuesField(QUESTION_TEXT, new BytesRef(faq.question())));
        doc.add(new BinaryDocValuesField(ANSWER_TEXT, new BytesRef(faq.answer())));
        return doc;
    }

    /** The id of document {@code doc} of {@code reader}. */
    static String id(LeafReader reader, int doc) throws IOException {
        BinaryDocValues ids = reader.getBinaryDocValues(ID);
        if (ids == null || !ids.advanceExact(doc)) {
            throw new IllegalStateException("FAQ document without id: " + doc);
        }
        return ids.binaryValue().utf8ToString();
    }

    /** The update time of each live document of {@code reader}, by id. */
    static Map<String, Instant> versions(LeafReader reader) throws IOException {
        Map<String, Instant> versions = new HashMap<>();
        BinaryDocValues ids = reader.getBinaryDocValues(ID);
        BinaryDocValues updatedAts = reader.getBinaryDocValues(UPDATED_AT);
        if (ids == null || updatedAts == null) {
            return versions;
        }
        Bits live = reader.getLiveDocs();
        for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
            if ((live == null || live.get(doc)) && updatedAts.advanceExact(doc)) {
                versions.put(
                        ids.binaryValue().utf8ToString(),
                        Instant.parse(updatedAts.binaryValue().utf8ToString()));
            }
        }
        return versions;
    }

    /** The text of {@code field} (a binary doc value) of document {@code doc} of {@code reader}. */
    static String text(LeafReader reader, String field, int doc) throws IOException {
        BinaryDocValues values = reader.getBinaryDocValues(field);
        return values != null && values.advanceExact(doc) ? values.binaryValue().utf8ToString() : "";
    }

    private static FieldType textType(IndexOptions options) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }
}
