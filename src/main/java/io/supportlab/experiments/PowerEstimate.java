package io.supportlab.experiments;

import org.jspecify.annotations.Nullable;

/**
 * The create form's live sample-size estimate.
 *
 * @param perVariant users needed in each variant, or null when the inputs do not allow an estimate
 * @param usersPerDay recent traffic: new participants per day over the last week, across experiments
 * @param days expected duration at that traffic, or null without traffic
 */
public record PowerEstimate(
        @Nullable Long perVariant,
        int variants,
        double usersPerDay,
        @Nullable Long days,
        @Nullable String problem) {}
