package io.supportlab.experiments;

import io.supportlab.platform.InvalidRequestException;
import io.supportlab.platform.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deterministic, sticky assignment. The variant is computed from the user id and the experiment
 * (GrowthBook's hash, no database read); the first assignment of a user is stored and wins forever,
 * even if weights or coverage change later. Only running experiments assign; for any other status
 * the answer is the control, not in the experiment, and nothing is recorded.
 */
@Service
public class AssignmentService {

    static final int MAX_USER_IDENTIFIER = 200;

    private final ExperimentCache experiments;
    private final AssignmentRepository assignments;
    private final ExperimentRepository experimentRows;
    private final Clock clock;

    AssignmentService(
            ExperimentCache experiments,
            AssignmentRepository assignments,
            ExperimentRepository experimentRows,
            Clock clock) {
        this.experiments = experiments;
        this.assignments = assignments;
        this.experimentRows = experimentRows;
        this.clock = clock;
    }

    @Transactional
    public AssignmentResult assign(String idOrKey, String userIdentifier, Map<String, Object> attributes) {
        Experiment experiment =
                experiments.get(idOrKey).orElseThrow(() -> new ResourceNotFoundException("experiment", idOrKey));
        String user = requireUser(userIdentifier);
        if (experiment.status() != ExperimentStatus.RUNNING) {
            return outside(
                    experiment,
                    user,
                    null,
                    "the experiment is " + experiment.status().value());
        }
        var stored = assignments.find(experiment.id(), user);
        if (stored.isPresent()) {
            return inside(experiment, stored.get(), false);
        }
        if (!Targeting.matches(experiment.targeting(), attributes)) {
            return outside(experiment, user, null, "the user's attributes do not match the targeting rule");
        }
        Assignment.Decision decision = Assignment.decide(
                experiment.key(), experiment.weights(), experiment.coverage(), experiment.namespace(), user);
        if (!decision.inExperiment()) {
            String reason =
                    experiment.namespace() != null && !experiment.namespace().contains(user)
                            ? "the user belongs to another experiment of namespace "
                                    + experiment.namespace().id()
                            : "the user is outside the experiment's coverage";
            return outside(experiment, user, decision.bucket(), reason);
        }
        Variant variant = experiment.variants().get(decision.variationIndex());
        Assignment assignment =
                new Assignment(experiment.id(), user, variant.key(), decision.bucket(), Instant.now(clock));
        if (assignments.insertIfAbsent(assignment)) {
            experimentRows.addParticipants(experiment.id(), 1);
            return inside(experiment, assignment, true);
        }
        // Another request assigned this user a moment ago: theirs is the one that counts.
        return inside(experiment, assignments.find(experiment.id(), user).orElseThrow(), false);
    }

    /** Assigns one user to several experiments at once (what a page needs); unknown keys are skipped. */
    @Transactional
    public List<AssignmentResult> assignAll(
            List<String> idsOrKeys, String userIdentifier, Map<String, Object> attributes) {
        requireUser(userIdentifier);
        return idsOrKeys.stream()
                .filter(java.util.Objects::nonNull)
                .distinct()
                .filter(key -> experiments.get(key).isPresent())
                .map(key -> assign(key, userIdentifier, attributes))
                .toList();
    }

    static String requireUser(String userIdentifier) {
        String user = userIdentifier == null ? "" : userIdentifier.strip();
        if (user.isEmpty()) {
            throw new InvalidRequestException("user_identifier", "must not be blank");
        }
        if (user.length() > MAX_USER_IDENTIFIER) {
            throw new InvalidRequestException(
                    "user_identifier", "must be at most " + MAX_USER_IDENTIFIER + " characters");
        }
        return user;
    }

    private static AssignmentResult inside(Experiment experiment, Assignment assignment, boolean isNew) {
        Variant variant = experiment.variants().stream()
                .filter(v -> assignment.variant().equals(v.key()))
                .findFirst()
                .orElse(experiment.control());
        return new AssignmentResult(
                experiment.id(),
                experiment.key(),
                assignment.userIdentifier(),
                assignment.variant(),
                variant.displayName(),
                true,
                Double.isNaN(assignment.bucket()) ? null : assignment.bucket(),
                assignment.assignedAt(),
                isNew,
                null);
    }

    private static AssignmentResult outside(
            Experiment experiment, String user, @Nullable Double bucket, String reason) {
        Variant control = experiment.control();
        return new AssignmentResult(
                experiment.id(),
                experiment.key(),
                user,
                control.key(),
                control.displayName(),
                false,
                bucket,
                null,
                false,
                reason);
    }
}
