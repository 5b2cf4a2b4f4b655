package io.supportlab.experiments;

import io.supportlab.platform.GroupCommit;
import io.supportlab.platform.InvalidRequestException;
import io.supportlab.platform.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deterministic, sticky assignment. The variant is computed from the user id and the experiment
 * (GrowthBook's hash, no database read); the first assignment of a user is stored and wins forever,
 * even if weights or coverage change later. Only running experiments assign; for any other status
 * the answer is the control, not in the experiment, and nothing is recorded.
 *
 * <p>A returning user costs one indexed read and no transaction. New assignments are stored through
 * a {@link GroupCommit}: concurrent ones share a transaction and the experiment's participant
 * counter is bumped once per batch, not once per user (that row would otherwise serialise every
 * new assignment of a busy experiment).
 */
@Service
public class AssignmentService implements AutoCloseable {

    /** Most new assignments stored in one transaction. */
    static final int MAX_BATCH = 500;

    static final int MAX_USER_IDENTIFIER = 200;

    private final ExperimentCache experiments;
    private final AssignmentRepository assignments;
    private final ExperimentRepository experimentRows;
    private final Clock clock;
    private final GroupCommit<Assignment, Boolean> newAssignments;

    AssignmentService(
            ExperimentCache experiments,
            AssignmentRepository assignments,
            ExperimentRepository experimentRows,
            Clock clock,
            TransactionTemplate transactions) {
        this.experiments = experiments;
        this.assignments = assignments;
        this.experimentRows = experimentRows;
        this.clock = clock;
        this.newAssignments = new GroupCommit<>("assignment-writer", transactions, MAX_BATCH, this::store);
    }

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
        if (newAssignments.submit(assignment)) {
            return inside(experiment, assignment, true);
        }
        // Another request assigned this user a moment ago: theirs is the one that counts.
        return inside(experiment, assignments.find(experiment.id(), user).orElseThrow(), false);
    }

    /** Assigns one user to several experiments at once (what a page needs); unknown keys are skipped. */
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

    /** Stores a batch of new assignments; element i is false where user i had been assigned meanwhile. */
    private List<Boolean> store(List<Assignment> batch) {
        boolean[] stored = assignments.insertAllIfAbsent(batch);
        Map<String, Integer> added = new LinkedHashMap<>();
        List<Boolean> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (stored[i]) {
                added.merge(batch.get(i).experimentId(), 1, Integer::sum);
            }
            results.add(stored[i]);
        }
        added.forEach(experimentRows::addParticipants);
        return results;
    }

    @Override
    public void close() {
        newAssignments.close();
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
