package io.supportlab.faq;

/**
 * One meaningful word of a search query.
 *
 * @param plain the word as the plain fields hold it (lower-cased, folded): fuzzy and prefix queries use it
 * @param stemmed the word as the stemmed fields hold it: exact and phrase queries use it
 * @param position its position in the query, stop words counted, so phrases keep the gaps the index has
 * @param last whether the user may still be typing it
 */
record QueryTerm(String plain, String stemmed, int position, boolean last) {

    int length() {
        return plain.codePointCount(0, plain.length());
    }
}
