package io.supportlab.faq;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A search result: the article, with its relevance and HTML-escaped highlights ({@code <mark>}
 * around the matched words).
 */
public record FaqHit(@JsonUnwrapped Faq faq, float score, String questionHighlight, String answerSnippet) {}
