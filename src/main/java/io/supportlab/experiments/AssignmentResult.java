package io.supportlab.experiments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an assignment request.
 *
 * @param variant the variant to show: the assigned one, or the control when the user is not in the
 *     experiment
 * @param inExperiment whether the user takes part (and is counted)
 * @param hashValue the user's GrowthBook bucket in [0, 1), or null when nothing was hashed
 * @param newAssignment true when this call assigned the user; false for returning users
 * @param reason why the user is not in the experiment, when they are not
 */
public record AssignmentResult(
        String testId,
        String key,
        String userIdentifier,
        String variant,
        String variantName,
        boolean inExperiment,
        @Nullable Double hashValue,
        @Nullable Instant assignedAt,
        boolean newAssignment,
        @Nullable String reason) {}
