package io.supportlab.faq;

/**
 * An FAQ category.
 *
 * @param slug what articles store in {@code category} (the seed's {@code general}, {@code account}...)
 * @param count published articles in it
 */
public record Category(String slug, String name, long count) {}
