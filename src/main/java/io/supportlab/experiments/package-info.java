/**
 * The experimentation platform: experiments with weighted variants and a lifecycle, deterministic
 * assignment compatible with GrowthBook's SDKs, event tracking, and results computed from SQL
 * aggregates by the statistics engine in {@code experiments.stats}.
 *
 * <p>Depends on {@code platform}, {@code audit} (lifecycle changes) and {@code privacy} (assignments
 * and events may be keyed by an email address). {@code stats} is internal to this module. It knows
 * no feature's experiments: {@code tickets} and {@code faq} declare theirs as {@link
 * io.supportlab.experiments.ProductExperiment} beans and use them through {@link
 * io.supportlab.experiments.ProductExperiments}.
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
            "audit",
            "privacy"
        })
@NullMarked
package io.supportlab.experiments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
