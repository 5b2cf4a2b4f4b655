package io.supportlab.faq;

/**
 * One ranked search result.
 *
 * @param questionHighlight the question (cut after 300 characters), HTML-escaped, with matched words wrapped in {@code <mark>}
 * @param answerSnippet a short passage of the answer around the first match (or its beginning), HTML-escaped, with
 *     matched words wrapped in {@code <mark>}; safe to put into a page as is
 */
record SearchHit(String id, float score, String questionHighlight, String answerSnippet) {}
