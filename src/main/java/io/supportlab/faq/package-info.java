/**
 * The knowledge base: FAQ articles in categories, published or draft; ranked, stemmed,
 * typo-tolerant Lucene search kept in step with the database; suggestions while a customer writes
 * a ticket; search analytics; the FAQ Management tab and the public help articles.
 *
 * <p>Depends on {@code platform}, {@code accounts}, {@code audit} (article edits), {@code privacy}
 * (searches logged by earlier versions may hold a customer's address) and {@code experiments} (it
 * declares its FAQ form's experiment and records its events through {@code ProductExperiments}).
 */
@ApplicationModule(
        allowedDependencies = {
            "platform",
            "platform :: limits",
            "platform :: live",
            "platform :: paging",
            "platform :: persistence",
            "platform :: problems",
            "platform :: web",
            "accounts",
            "audit",
            "experiments",
            "privacy"
        })
@NullMarked
package io.supportlab.faq;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
