package io.supportlab.experiments;

import io.supportlab.platform.persistence.GroupCommit;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.BatchTooLargeException;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import io.supportlab.platform.problems.UnprocessableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event tracking. An event is stored only for a user assigned to the experiment, while it runs or
 * is paused; everything else is rejected with its reason, never silently counted. An acknowledged
 * event is committed. A batch is one transaction and answers per item. Single events are stored
 * through a {@link GroupCommit}, so concurrent ones share a commit; the checks before the insert
 * only read and take no transaction.
 */
@Service
public class EventService implements AutoCloseable {

    static final int MAX_BATCH = 1000;
    /** Most single events stored in one transaction. */
    static final int MAX_GROUP = 500;

    /**
     * The largest {@code event_data} (as JSON). No analysis reads it: results use the event's name,
     * value and time only (the value, which metrics sum, is its own field). It is context kept for
     * people reading raw events and exports (page, button, plan), which a few dozen short fields
     * hold; every byte of it is stored per event, so it is kept small.
     */
    static final int MAX_EVENT_DATA_BYTES = 1024;

    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern EVENT_NAME = Pattern.compile(ExperimentDefinition.EVENT_PATTERN);

    /** What a batch call answers: counts and one result per submitted event, in order. */
    public record BatchResult(int accepted, int duplicates, int rejected, List<EventResult> results) {}

    /** An event that passed the field checks. */
    private record Checked(int index, Experiment experiment, EventRepository.NewEvent event) {}

    private final ExperimentCache experiments;
    private final AssignmentRepository assignments;
    private final EventRepository events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final EventBudget budget;
    private final GroupCommit<EventRepository.NewEvent, Boolean> singleEvents;

    EventService(
            ExperimentCache experiments,
            AssignmentRepository assignments,
            EventRepository events,
            JsonMapper json,
            Clock clock,
            TransactionTemplate transactions,
            EventBudget budget) {
        this.experiments = experiments;
        this.assignments = assignments;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
        this.budget = budget;
        this.singleEvents = new GroupCommit<>("event-writer", transactions, MAX_GROUP, this::store);
    }

    /** One event: invalid fields answer 400, an unassigned user or a draft experiment 422. */
    public EventResult track(String idOrKey, EventInput input) {
        return track(idOrKey, input, null);
    }

    /** One event of a client whose {@link EventBudget} it is charged to (none: not limited). */
    EventResult track(String idOrKey, EventInput input, @Nullable String client) {
        Experiment experiment =
                experiments.get(idOrKey).orElseThrow(() -> new ResourceNotFoundException("experiment", idOrKey));
        List<FieldError> errors = new ArrayList<>();
        EventRepository.NewEvent event = check(experiment, input, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String refusal = refusal(
                experiment,
                assignments.find(experiment.id(), event.userIdentifier()).isPresent(),
                event);
        if (refusal != null) {
            throw new UnprocessableException(refusal);
        }
        budget.charge(client, List.of(event));
        boolean stored = singleEvents.submit(event);
        return new EventResult(
                0,
                stored ? EventResult.Outcome.ACCEPTED : EventResult.Outcome.DUPLICATE,
                stored ? event.id() : null,
                null);
    }

    /**
     * Up to {@value #MAX_BATCH} events for any experiments, stored in one transaction. The events
     * that would be stored are charged to the client's {@link EventBudget} first (none: not limited).
     */
    BatchResult trackBatch(List<@Nullable EventInput> inputs, @Nullable String client) {
        if (inputs.size() > MAX_BATCH) {
            throw new BatchTooLargeException("events", MAX_BATCH, inputs.size());
        }
        EventResult[] results = new EventResult[inputs.size()];
        List<Checked> valid = new ArrayList<>();
        // One lookup for all the batch's experiments, however many it names.
        Map<String, Experiment> named = experiments.getAll(inputs.stream()
                .filter(input -> input != null
                        && input.experiment() != null
                        && !input.experiment().isBlank())
                .map(EventInput::experiment)
                .collect(Collectors.toSet()));
        for (int i = 0; i < inputs.size(); i++) {
            EventInput input = inputs.get(i);
            if (input == null) {
                results[i] = rejected(i, "must be an event object, not null");
                continue;
            }
            Optional<Experiment> experiment =
                    input.experiment() == null ? Optional.empty() : Optional.ofNullable(named.get(input.experiment()));
            if (experiment.isEmpty()) {
                results[i] = rejected(
                        i,
                        input.experiment() == null
                                ? "experiment: must name an experiment by key or id"
                                : "experiment: no experiment '" + input.experiment() + "'");
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            EventRepository.NewEvent event = check(experiment.get(), input, errors);
            if (!errors.isEmpty()) {
                results[i] = rejected(
                        i,
                        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
            } else {
                valid.add(new Checked(i, experiment.get(), event));
            }
        }
        List<Checked> storable = refuseUnassigned(valid, results);
        List<EventRepository.NewEvent> rows =
                storable.stream().map(Checked::event).toList();
        budget.charge(client, rows);
        boolean[] stored = rows.isEmpty() ? new boolean[0] : transactions.execute(status -> events.insert(rows));
        for (int j = 0; j < storable.size(); j++) {
            Checked checked = storable.get(j);
            results[checked.index()] = stored[j]
                    ? new EventResult(
                            checked.index(),
                            EventResult.Outcome.ACCEPTED,
                            checked.event().id(),
                            null)
                    : new EventResult(checked.index(), EventResult.Outcome.DUPLICATE, null, null);
        }
        List<EventResult> all = List.of(results);
        return new BatchResult(
                count(all, EventResult.Outcome.ACCEPTED),
                count(all, EventResult.Outcome.DUPLICATE),
                count(all, EventResult.Outcome.REJECTED),
                all);
    }

    private List<Boolean> store(List<EventRepository.NewEvent> batch) {
        boolean[] stored = events.insert(batch);
        List<Boolean> results = new ArrayList<>(stored.length);
        for (boolean one : stored) {
            results.add(one);
        }
        return results;
    }

    @Override
    public void close() {
        singleEvents.close();
    }

    private List<Checked> refuseUnassigned(List<Checked> valid, EventResult[] results) {
        Map<String, List<Checked>> byExperiment = valid.stream()
                .collect(Collectors.groupingBy(c -> c.experiment().id(), LinkedHashMap::new, Collectors.toList()));
        List<Checked> storable = new ArrayList<>();
        byExperiment.forEach((experimentId, items) -> {
            var users = items.stream().map(c -> c.event().userIdentifier()).collect(Collectors.toSet());
            var assigned = assignments.findAll(experimentId, users).keySet();
            for (Checked item : items) {
                String refusal = refusal(
                        item.experiment(), assigned.contains(item.event().userIdentifier()), item.event());
                if (refusal == null) {
                    storable.add(item);
                } else {
                    results[item.index()] = rejected(item.index(), refusal);
                }
            }
        });
        storable.sort(java.util.Comparator.comparingInt(Checked::index));
        return storable;
    }

    private static @Nullable String refusal(Experiment experiment, boolean assigned, EventRepository.NewEvent event) {
        if (!experiment.status().acceptsEvents()) {
            return experiment.status() == ExperimentStatus.DRAFT
                    ? "experiment '" + experiment.key() + "' has not started; events are accepted once it runs"
                    : "experiment '" + experiment.key() + "' is "
                            + experiment.status().value() + " and takes no more events";
        }
        if (!assigned) {
            return "user '" + event.userIdentifier() + "' is not assigned to experiment '" + experiment.key()
                    + "'; assign the user first";
        }
        return null;
    }

    private EventRepository.NewEvent check(Experiment experiment, EventInput input, List<FieldError> errors) {
        String user =
                input.userIdentifier() == null ? "" : input.userIdentifier().strip();
        if (user.isEmpty()) {
            errors.add(new FieldError("user_identifier", "must not be blank"));
        } else if (user.length() > AssignmentService.MAX_USER_IDENTIFIER) {
            errors.add(new FieldError(
                    "user_identifier", "must be at most " + AssignmentService.MAX_USER_IDENTIFIER + " characters"));
        }
        String name = input.eventName() == null ? "" : input.eventName().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("event_name", "must not be blank"));
        } else if (name.length() > 100 || !EVENT_NAME.matcher(name).matches()) {
            errors.add(new FieldError("event_name", "must be at most 100 letters, digits and _ . : -"));
        }
        if (input.eventValue() != null && !Double.isFinite(input.eventValue())) {
            errors.add(new FieldError("event_value", "must be a finite number"));
        }
        String eventId = input.eventId() == null || input.eventId().isBlank()
                ? null
                : input.eventId().strip();
        if (eventId != null && eventId.length() > 100) {
            errors.add(new FieldError("event_id", "must be at most 100 characters"));
        }
        return new EventRepository.NewEvent(
                Ids.newId(),
                experiment.id(),
                user,
                name,
                input.eventValue(),
                eventData(input.eventData(), errors),
                eventId,
                timestamp(input.timestamp(), errors));
    }

    /** Normalised JSON text of the metadata; a string must itself hold JSON, as in the seed's curl. */
    private @Nullable String eventData(@Nullable JsonNode data, List<FieldError> errors) {
        if (data == null || data.isNull()) {
            return null;
        }
        String text;
        if (data.isString()) {
            try {
                text = json.writeValueAsString(json.readTree(data.asString()));
            } catch (JacksonException e) {
                errors.add(new FieldError("event_data", "is a string but not valid JSON"));
                return null;
            }
        } else {
            text = json.writeValueAsString(data);
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_DATA_BYTES) {
            errors.add(new FieldError("event_data", "must be at most " + MAX_EVENT_DATA_BYTES + " bytes of JSON"));
            return null;
        }
        return text;
    }

    private Instant timestamp(@Nullable String text, List<FieldError> errors) {
        Instant now = Instant.now(clock);
        if (text == null || text.isBlank()) {
            return now;
        }
        try {
            Instant at = java.time.OffsetDateTime.parse(text.strip()).toInstant();
            if (at.isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(new FieldError("timestamp", "is in the future"));
            }
            return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(
                    "timestamp", "must be an ISO-8601 timestamp with offset, e.g. 2025-01-31T12:00:00Z"));
            return now;
        }
    }

    private static EventResult rejected(int index, String reason) {
        return new EventResult(index, EventResult.Outcome.REJECTED, null, reason);
    }

    private static int count(List<EventResult> results, EventResult.Outcome outcome) {
        return (int) results.stream().filter(r -> r.status() == outcome).count();
    }
}
