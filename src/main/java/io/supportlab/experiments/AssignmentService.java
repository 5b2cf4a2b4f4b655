package io.supportlab.experiments;

import io.supportlab.platform.persistence.GroupCommit;
import io.supportlab.platform.problems.BatchTooLargeException;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /**
     * Most experiments one bulk call may name. A page runs a handful; each name costs a lookup (if
     * not cached) and possibly a stored assignment, so an anonymous caller must not name thousands.
     */
    static final int MAX_EXPERIMENTS = 100;

    private final ExperimentCache experiments;
    private final AssignmentRepository assignments;
    private final ExperimentRepository experimentRows;
    private final Clock clock;
    private final TransactionTemplate transactions;
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
        this.transactions = transactions;
        this.newAssignments = new GroupCommit<>("assignment-writer", transactions, MAX_BATCH, this::store);
    }

    public AssignmentResult assign(String idOrKey, String userIdentifier, Map<String, Object> attributes) {
        Experiment experiment =
                experiments.get(idOrKey).orElseThrow(() -> new ResourceNotFoundException("experiment", idOrKey));
        String user = requireUser(userIdentifier);
        if (experiment.status() != ExperimentStatus.RUNNING) {
            return notRunning(experiment, user);
        }
        var stored = assignments.find(experiment.id(), user);
        if (stored.isPresent()) {
            return inside(experiment, stored.get(), false);
        }
        Decided decided = decide(experiment, user, attributes);
        Assignment assignment = decided.assignment();
        if (assignment == null) {
            return Objects.requireNonNull(decided.outside(), "a decision is an assignment or an answer");
        }
        if (newAssignments.submit(assignment)) {
            return inside(experiment, assignment, true);
        }
        // Another request assigned this user a moment ago: theirs is the one that counts.
        return inside(experiment, assignments.find(experiment.id(), user).orElseThrow(), false);
    }

    /**
     * Assigns one user to several experiments at once (what a page needs); unknown ids and keys are
     * skipped. At most {@value #MAX_EXPERIMENTS} names: the experiments are read with one query, the
     * user's assignments to them with another, and new assignments stored in one transaction.
     */
    public List<AssignmentResult> assignAll(
            List<String> idsOrKeys, String userIdentifier, Map<String, Object> attributes) {
        if (idsOrKeys.size() > MAX_EXPERIMENTS) {
            throw new BatchTooLargeException("experiments", MAX_EXPERIMENTS, idsOrKeys.size());
        }
        String user = requireUser(userIdentifier);
        List<String> names =
                idsOrKeys.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Experiment> found = experiments.getAll(names);
        // An experiment named by id and by key is one cached object: assigned once.
        List<Experiment> named = names.stream()
                .map(found::get)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        return assignEach(named, user, attributes);
    }

    /** Assigns one user to every running experiment. */
    public List<AssignmentResult> assignRunning(String userIdentifier, Map<String, Object> attributes) {
        String user = requireUser(userIdentifier);
        return assignEach(experiments.running(), user, attributes);
    }

    /** New participants per day across all experiments over the last {@code window}: what a new one can expect. */
    double newParticipantsPerDay(Duration window) {
        return assignments.assignedSince(Instant.now(clock).minus(window)) / (double) window.toDays();
    }

    private List<AssignmentResult> assignEach(List<Experiment> chosen, String user, Map<String, Object> attributes) {
        List<String> running = chosen.stream()
                .filter(e -> e.status() == ExperimentStatus.RUNNING)
                .map(Experiment::id)
                .toList();
        Map<String, Assignment> stored = assignments.findOfUser(user, running);
        AssignmentResult[] results = new AssignmentResult[chosen.size()];
        List<Integer> fresh = new ArrayList<>();
        List<Assignment> toStore = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Experiment experiment = chosen.get(i);
            Assignment existing = stored.get(experiment.id());
            if (experiment.status() != ExperimentStatus.RUNNING) {
                results[i] = notRunning(experiment, user);
            } else if (existing != null) {
                results[i] = inside(experiment, existing, false);
            } else {
                Decided decided = decide(experiment, user, attributes);
                results[i] = decided.outside();
                if (decided.assignment() != null) {
                    fresh.add(i);
                    toStore.add(decided.assignment());
                }
            }
        }
        if (!toStore.isEmpty()) {
            storeAll(chosen, fresh, toStore, results);
        }
        return List.of(results);
    }

    /** Stores the new assignments of one user in one transaction; where another request won, its answer. */
    private void storeAll(
            List<Experiment> chosen, List<Integer> fresh, List<Assignment> toStore, AssignmentResult[] results) {
        List<Boolean> stored = Objects.requireNonNull(transactions.execute(status -> store(toStore)));
        List<String> lost = new ArrayList<>();
        for (int j = 0; j < toStore.size(); j++) {
            if (!stored.get(j)) {
                lost.add(toStore.get(j).experimentId());
            }
        }
        Map<String, Assignment> meanwhile = lost.isEmpty()
                ? Map.of()
                : assignments.findOfUser(toStore.getFirst().userIdentifier(), lost);
        for (int j = 0; j < toStore.size(); j++) {
            Experiment experiment = chosen.get(fresh.get(j));
            results[fresh.get(j)] = stored.get(j)
                    ? inside(experiment, toStore.get(j), true)
                    : inside(experiment, Objects.requireNonNull(meanwhile.get(experiment.id())), false);
        }
    }

    /**
     * A user without an assignment to a running experiment: the assignment to store, or the answer
     * for a user the targeting, namespace or coverage keeps out.
     */
    private record Decided(
            @Nullable Assignment assignment, @Nullable AssignmentResult outside) {}

    private Decided decide(Experiment experiment, String user, Map<String, Object> attributes) {
        if (!Targeting.matches(experiment.targeting(), attributes)) {
            return new Decided(
                    null, outside(experiment, user, null, "the user's attributes do not match the targeting rule"));
        }
        Assignment.Decision decision = Assignment.decide(
                experiment.key(), experiment.weights(), experiment.coverage(), experiment.namespace(), user);
        if (!decision.inExperiment()) {
            String reason =
                    experiment.namespace() != null && !experiment.namespace().contains(user)
                            ? "the user belongs to another experiment of namespace "
                                    + experiment.namespace().id()
                            : "the user is outside the experiment's coverage";
            return new Decided(null, outside(experiment, user, decision.bucket(), reason));
        }
        Variant variant = experiment.variants().get(decision.variationIndex());
        return new Decided(
                new Assignment(experiment.id(), user, variant.validKey(), decision.bucket(), Instant.now(clock)), null);
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

    private static AssignmentResult notRunning(Experiment experiment, String user) {
        return outside(
                experiment,
                user,
                null,
                "the experiment is " + experiment.status().value());
    }

    private static AssignmentResult outside(
            Experiment experiment, String user, @Nullable Double bucket, String reason) {
        Variant control = experiment.control();
        return new AssignmentResult(
                experiment.id(),
                experiment.key(),
                user,
                control.validKey(),
                control.displayName(),
                false,
                bucket,
                null,
                false,
                reason);
    }
}
