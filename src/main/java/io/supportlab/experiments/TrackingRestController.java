package io.supportlab.experiments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public endpoints for pages and SDKs: assignment and events. */
@Tag(name = "Assignment and events")
@RestController
class TrackingRestController {

    record AssignRequest(
            @Nullable String userIdentifier, @Nullable Map<String, Object> attributes) {}

    record BulkAssignRequest(
            @Nullable String userIdentifier,
            @Nullable List<String> experiments,
            @Nullable Map<String, Object> attributes) {}

    record BatchRequest(@Nullable List<EventInput> events) {}

    private final AssignmentService assignments;
    private final EventService events;
    private final ExperimentRepository experimentRows;

    TrackingRestController(AssignmentService assignments, EventService events, ExperimentRepository experimentRows) {
        this.assignments = assignments;
        this.events = events;
        this.experimentRows = experimentRows;
    }

    @Operation(
            summary = "Assign a user to a variant (public)",
            description = "Deterministic and sticky. Users outside "
                    + "the coverage, namespace or targeting, and every user of an experiment that is not running, get the control "
                    + "with in_experiment false, and nothing is recorded.")
    @PostMapping("/api/ab-tests/{id}/assign")
    AssignmentResult assign(@PathVariable String id, @RequestBody AssignRequest request) {
        return assignments.assign(
                id, Objects.requireNonNullElse(request.userIdentifier(), ""), attributes(request.attributes()));
    }

    @Operation(
            summary = "Assign a user to several experiments at once (public)",
            description = "Without experiments, " + "every running experiment.")
    @PostMapping("/api/ab/assign")
    List<AssignmentResult> assignAll(@RequestBody BulkAssignRequest request) {
        List<String> keys = request.experiments() != null
                ? request.experiments()
                : experimentRows.running().stream().map(Experiment::key).toList();
        return assignments.assignAll(
                keys, Objects.requireNonNullElse(request.userIdentifier(), ""), attributes(request.attributes()));
    }

    @Operation(summary = "Track an event of an assigned user (public)")
    @PostMapping("/api/ab-tests/{id}/events")
    @ResponseStatus(HttpStatus.CREATED)
    EventResult track(@PathVariable String id, @RequestBody EventInput event) {
        return events.track(id, event);
    }

    @Operation(
            summary = "Track up to 1000 events in one call (public)",
            description =
                    "Each event names its "
                            + "experiment; the answer says per event whether it was accepted, a duplicate, or rejected and why.")
    @PostMapping("/api/ab/events")
    EventService.BatchResult trackBatch(@RequestBody BatchRequest request) {
        return events.trackBatch(request.events() == null ? List.of() : request.events());
    }

    private static Map<String, Object> attributes(@Nullable Map<String, Object> attributes) {
        return attributes == null ? Map.of() : attributes;
    }
}
