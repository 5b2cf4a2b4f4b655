package io.supportlab.experiments;

import io.supportlab.platform.limits.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

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

    private static final String BUDGETS = "The events to be stored are counted against the caller's budgets of "
            + "events and bytes per client address: over them the whole call is refused (429 with Retry-After) "
            + "and nothing of it is stored.";

    private final AssignmentService assignments;
    private final EventService events;
    private final JsonMapper json;

    TrackingRestController(AssignmentService assignments, EventService events, JsonMapper json) {
        this.assignments = assignments;
        this.events = events;
        this.json = json;
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
            description = "Names up to " + AssignmentService.MAX_EXPERIMENTS + " experiments by id or key "
                    + "(more: 413 batch-too-large); unknown ones are left out of the answer. Without "
                    + "experiments, every running experiment.")
    @PostMapping("/api/ab/assign")
    List<AssignmentResult> assignAll(@RequestBody BulkAssignRequest request) {
        String user = Objects.requireNonNullElse(request.userIdentifier(), "");
        return request.experiments() == null
                ? assignments.assignRunning(user, attributes(request.attributes()))
                : assignments.assignAll(request.experiments(), user, attributes(request.attributes()));
    }

    @Operation(
            summary = "Track an event of an assigned user (public)",
            description = "Counted against the caller's event budgets: over them 429 with Retry-After, not stored.")
    @ApiResponse(
            responseCode = "422",
            description =
                    "The user is not assigned to the experiment, or it does not take events (draft, completed, archived)")
    @PostMapping("/api/ab-tests/{id}/events")
    @ResponseStatus(HttpStatus.CREATED)
    EventResult track(@PathVariable String id, @RequestBody EventInput event, HttpServletRequest servletRequest) {
        return events.track(id, event, client(servletRequest));
    }

    @Operation(
            summary = "Track up to 1000 events in one call (public)",
            description = "Each event names its experiment; the answer says per event whether it was accepted, a "
                    + "duplicate, or rejected and why. " + BUDGETS)
    @PostMapping("/api/ab/events")
    EventService.BatchResult trackBatch(@RequestBody BatchRequest request, HttpServletRequest servletRequest) {
        return events.trackBatch(request.events() == null ? List.of() : request.events(), client(servletRequest));
    }

    /**
     * The same batch sent as {@code text/plain}, as the SDK's {@code navigator.sendBeacon} does when
     * a page is hidden: browsers refuse a cross-origin beacon whose content type is not
     * CORS-safelisted, and {@code application/json} is not.
     */
    @Operation(
            // The OpenAPI description merges both handlers of the path into one operation.
            summary = "Track up to 1000 events in one call (public)",
            description = "Each event names its experiment; the answer says per event whether it was accepted, a "
                    + "duplicate, or rejected and why. The body may also be sent as text/plain (UTF-8 JSON, as "
                    + "navigator.sendBeacon sends it). " + BUDGETS)
    @PostMapping(path = "/api/ab/events", consumes = MediaType.TEXT_PLAIN_VALUE)
    EventService.BatchResult trackBeacon(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.TEXT_PLAIN_VALUE,
                                            schema = @Schema(implementation = BatchRequest.class)))
                    @RequestBody
                    byte[] body,
            HttpServletRequest servletRequest) {
        ServletServerHttpRequest message = new ServletServerHttpRequest(servletRequest);
        MediaType contentType = message.getHeaders().getContentType();
        Charset charset = contentType == null || contentType.getCharset() == null
                ? StandardCharsets.UTF_8
                : contentType.getCharset();
        BatchRequest request;
        try {
            request = charset.equals(StandardCharsets.UTF_8)
                    ? json.readValue(body, BatchRequest.class)
                    : json.readValue(new String(body, charset), BatchRequest.class);
        } catch (JacksonException e) {
            // Answered as for the JSON variant: ApiExceptionHandler explains the Jackson cause.
            throw new HttpMessageNotReadableException("Unreadable JSON in a text/plain body", e, message);
        }
        if (request == null) { // the JSON literal null, which the JSON variant refuses as a missing body
            throw new HttpMessageNotReadableException("Required request body is missing", message);
        }
        return trackBatch(request, servletRequest);
    }

    /** The client whose event budget a request is charged to; none for signed-in staff. */
    private static @Nullable String client(HttpServletRequest request) {
        return RateLimiter.limitedClient(request).orElse(null);
    }

    private static Map<String, Object> attributes(@Nullable Map<String, Object> attributes) {
        return attributes == null ? Map.of() : attributes;
    }
}
