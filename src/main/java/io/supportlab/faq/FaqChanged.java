package io.supportlab.faq;

/** An article was created, edited or deleted; the search index follows once the change commits. */
record FaqChanged(String id) {}
