package io.supportlab.experiments;

import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.paging.PageResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The seed's {@code /api/ab-tests} endpoints. {@code {id}} is the experiment's id or key. */
@Tag(name = "Experiments")
@RestController
@RequestMapping("/api/ab-tests")
class ExperimentRestController {

    record StatusChange(@NotNull @Nullable ExperimentStatus status) {}

    private final ExperimentService experiments;
    private final ResultsService results;

    ExperimentRestController(ExperimentService experiments, ResultsService results) {
        this.experiments = experiments;
        this.results = results;
    }

    @Operation(
            summary = "Create an experiment (admin)",
            description = "Starts as a draft. Give variants with weights (within 0.01 of 1 they are scaled to add up"
                    + " to 1), or the seed's control_variant and test_variant for a 50/50 test.")
    @ApiResponse(responseCode = "409", description = "An experiment with this key already exists")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Experiment create(@Valid @RequestBody ExperimentDefinition definition, Authentication caller) {
        return experiments.create(definition, caller.getName());
    }

    @Operation(summary = "List experiments, newest first (staff)")
    @GetMapping
    ResponseEntity<List<Experiment>> list(
            @RequestParam(required = false) @Nullable ExperimentStatus status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request) {
        return PageResponses.ok(experiments.list(status, PageRequest.of(limit, cursor)), request);
    }

    @Operation(summary = "Get an experiment by id or key (staff)")
    @GetMapping("/{id}")
    Experiment get(@PathVariable String id) {
        return experiments.get(id);
    }

    @Operation(
            summary = "Edit an experiment (admin)",
            description = "Variants, weights, key, namespace and metric " + "are fixed once it has started (409).")
    @ApiResponse(
            responseCode = "409",
            description =
                    "Archived, or a field that is fixed once the experiment started (variants, weights, key, namespace, metric), or the key is taken")
    @PutMapping("/{id}")
    Experiment update(@PathVariable String id, @Valid @RequestBody ExperimentDefinition change, Authentication caller) {
        return experiments.update(id, change, caller.getName());
    }

    @Operation(
            summary = "Move along the lifecycle (admin)",
            description = "draft → running ⇄ paused → completed → "
                    + "archived; a draft can be archived. Illegal transitions answer 409 with the allowed ones.")
    @ApiResponse(
            responseCode = "409",
            description = "Not a transition the lifecycle allows; the allowed ones are named")
    @PutMapping("/{id}/status")
    Experiment changeStatus(@PathVariable String id, @Valid @RequestBody StatusChange change, Authentication caller) {
        return experiments.changeStatus(id, java.util.Objects.requireNonNull(change.status()), caller.getName());
    }

    @Operation(summary = "Audit log of an experiment: who changed what, when (staff)")
    @GetMapping("/{id}/audit")
    List<AuditEntry> audit(@PathVariable String id) {
        return experiments.audit(id);
    }

    @Operation(
            summary = "Calculate and store results now (staff)",
            description = "409 once the experiment's raw events were deleted under the archived-event retention.")
    @ApiResponse(
            responseCode = "409",
            description = "The raw events were deleted under the archived-event retention; the stored results stay")
    @PostMapping("/{id}/calculate")
    ExperimentResults calculate(@PathVariable String id) {
        return results.calculate(id);
    }

    @Operation(
            summary = "Results: the seed's rows per variant and metric, the full analysis and a daily series (staff)",
            description = "The stored calculation, recalculated first when the experiment has changed since"
                    + " (settings, status, end date). Each comparison's decision holds the verdict with the p-values"
                    + " and intervals of the one test it rests on.")
    @GetMapping("/{id}/results")
    ExperimentResults results(@PathVariable String id) {
        return results.get(id);
    }
}
