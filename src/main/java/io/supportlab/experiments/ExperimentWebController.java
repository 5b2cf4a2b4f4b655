package io.supportlab.experiments;

import io.supportlab.experiments.stats.Power;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.Problems;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The A/B Testing tab: the experiment list with lifecycle buttons, the create and edit form with a
 * live sample-size estimate, and each experiment's page: lifecycle buttons, results with charts and
 * exports, and its changes.
 */
@Controller
class ExperimentWebController {

    static final Duration TRAFFIC_WINDOW = Duration.ofDays(7);

    private final ExperimentService experiments;
    private final ResultsService results;
    private final AssignmentService assignments;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    ExperimentWebController(
            ExperimentService experiments,
            ResultsService results,
            AssignmentService assignments,
            JsonMapper json,
            Validator validator,
            Clock clock) {
        this.experiments = experiments;
        this.results = results;
        this.assignments = assignments;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/experiments")
    String list(Model model) {
        Instant now = Instant.now(clock);
        model.addAttribute(
                "rows",
                experiments.list(null, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                        .filter(e -> e.status() != ExperimentStatus.ARCHIVED)
                        .map(e -> ExperimentRow.of(e, now))
                        .toList());
        return "experiments/list";
    }

    @GetMapping("/experiments/new")
    String form(Model model) {
        return renderForm(model, ExperimentForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/experiments")
    String create(
            @ModelAttribute ExperimentForm form, Authentication caller, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        ExperimentDefinition definition = form.toDefinition(json, errors);
        validate(definition, errors);
        if (!errors.isEmpty()) {
            return renderForm(model, form, new FormErrors(errors));
        }
        try {
            Experiment created = experiments.create(definition, caller.getName());
            Flashes.success(
                    redirect, "Experiment “" + created.name() + "” created as a draft. Start it when you are ready.");
            return "redirect:/experiments/" + created.key();
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> errors.putIfAbsent(formField(error), error.message()));
            return renderForm(model, form, new FormErrors(errors));
        } catch (ErrorResponseException e) {
            return renderForm(
                    model, form, FormErrors.of("key", String.valueOf(e.getBody().getDetail())));
        }
    }

    @GetMapping("/experiments/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        Experiment experiment = experiments.get(id);
        String targeting = experiment.targeting() == null ? "" : json.writeValueAsString(experiment.targeting());
        return renderEdit(model, experiment, ExperimentForm.of(experiment, targeting), FormErrors.NONE);
    }

    /** Saves an edit: everything of a draft; of a started experiment all but its key, variants and target metric. */
    @PostMapping("/experiments/{id}/edit")
    String edit(
            @PathVariable String id,
            @ModelAttribute ExperimentForm form,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        Experiment experiment = experiments.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        ExperimentDefinition change =
                form.toChange(json, errors, experiment.status().started());
        validate(change, errors);
        if (!errors.isEmpty()) {
            return renderEdit(model, experiment, form, new FormErrors(errors));
        }
        ExperimentDefinition edited = EditedFields.of(change, experiment);
        if (edited == null) {
            Flashes.success(redirect, "Nothing changed");
            return "redirect:/experiments/" + experiment.key();
        }
        try {
            Experiment saved = experiments.update(experiment.id(), edited, caller.getName());
            Flashes.success(redirect, "Changes to “" + saved.name() + "” saved");
            return "redirect:/experiments/" + saved.key();
        } catch (InvalidRequestException e) {
            e.errors().forEach(error -> errors.putIfAbsent(formField(error), error.message()));
            return renderEdit(model, experiment, form, new FormErrors(errors));
        } catch (ErrorResponseException e) {
            return renderEdit(
                    model,
                    experiment,
                    form,
                    FormErrors.of("", String.valueOf(e.getBody().getDetail())));
        }
    }

    /** The same constraints as the API's @Valid, with the messages next to the form's fields. */
    private void validate(ExperimentDefinition definition, Map<String, String> errors) {
        validator
                .validate(definition)
                .forEach(v -> errors.putIfAbsent(
                        formField(new FieldError(v.getPropertyPath().toString(), v.getMessage())), v.getMessage()));
    }

    @GetMapping("/experiments/power")
    String power(
            @RequestParam(defaultValue = "0.1") String baseline,
            @RequestParam(name = "minimumDetectableEffect", defaultValue = "0.1") String mde,
            @RequestParam(name = "confidenceLevel", defaultValue = "0.95") String confidence,
            @RequestParam(defaultValue = "0.8") String power,
            @RequestParam(defaultValue = "2") int variants,
            Model model) {
        model.addAttribute("estimate", estimate(baseline, mde, confidence, power, Math.max(2, Math.min(10, variants))));
        return "experiments/powerEstimate";
    }

    /** From the list, or from the experiment's own page ({@code back=page}), which it then returns to. */
    @PostMapping("/experiments/{id}/status")
    String changeStatus(
            @PathVariable String id,
            @RequestParam ExperimentStatus status,
            @RequestParam(required = false) @Nullable String back,
            Authentication caller,
            RedirectAttributes redirect) {
        String returnTo = "redirect:/experiments";
        try {
            Experiment changed = experiments.changeStatus(id, status, caller.getName());
            returnTo = "page".equals(back) ? "redirect:/experiments/" + changed.key() : returnTo;
            Flashes.success(
                    redirect,
                    "“" + changed.name() + "” is now " + changed.status().value());
        } catch (ErrorResponseException e) {
            returnTo = "page".equals(back)
                    ? "redirect:/experiments/" + experiments.get(id).key()
                    : returnTo;
            Flashes.error(
                    redirect, Problems.abbreviate(String.valueOf(e.getBody().getDetail()), 200));
        }
        return returnTo;
    }

    @GetMapping("/experiments/{id}")
    String results(@PathVariable String id, Model model) {
        Experiment experiment = experiments.get(id);
        ExperimentResults calculated = results.get(experiment.id());
        model.addAttribute("experiment", experiment);
        model.addAttribute("results", calculated);
        model.addAttribute("view", ResultsView.of(experiment, calculated));
        model.addAttribute("timeseries", json.writeValueAsString(calculated.timeseries()));
        model.addAttribute("actions", ExperimentActions.of(experiment));
        model.addAttribute("changes", ChangeLog.of(experiments.audit(experiment.id()), json));
        return "experiments/results";
    }

    @PostMapping("/experiments/{id}/calculate")
    String calculate(@PathVariable String id, RedirectAttributes redirect) {
        Experiment experiment = experiments.get(id);
        try {
            results.calculate(experiment.id());
            Flashes.success(redirect, "Results recalculated");
        } catch (ConflictException e) {
            Flashes.error(redirect, String.valueOf(e.getBody().getDetail()));
        }
        return "redirect:/experiments/" + experiment.key();
    }

    @GetMapping(value = "/experiments/{id}/results.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String id) {
        Experiment experiment = experiments.get(id);
        return download(
                experiment.key() + "-results.csv",
                MediaType.parseMediaType("text/csv;charset=UTF-8"),
                ResultsCsv.of(experiment, results.get(experiment.id())));
    }

    @GetMapping(value = "/experiments/{id}/results.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> jsonExport(@PathVariable String id) {
        Experiment experiment = experiments.get(id);
        return download(
                experiment.key() + "-results.json",
                MediaType.APPLICATION_JSON,
                json.writerWithDefaultPrettyPrinter().writeValueAsString(results.get(experiment.id())));
    }

    private static ResponseEntity<String> download(String filename, MediaType type, String body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    private PowerEstimate estimate(String baseline, String mde, String confidence, String power, int variants) {
        double perDay = assignments.newParticipantsPerDay(TRAFFIC_WINDOW);
        try {
            long n = Power.sampleSizePerVariant(
                    Double.parseDouble(baseline),
                    Double.parseDouble(mde),
                    Double.parseDouble(confidence),
                    Double.parseDouble(power));
            Long days = perDay > 0 ? Power.expectedDurationDays(n, variants, perDay) : null;
            return new PowerEstimate(n, variants, perDay, days, null);
        } catch (IllegalArgumentException e) {
            return new PowerEstimate(
                    null,
                    variants,
                    perDay,
                    null,
                    "Enter a baseline rate between 0 and 1, an effect above 0, confidence and power between 0 and 1.");
        }
    }

    private String renderForm(Model model, ExperimentForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("experiment", null);
        return "experiments/create";
    }

    private String renderEdit(Model model, Experiment experiment, ExperimentForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("experiment", experiment);
        return "experiments/create";
    }

    /** Service errors name JSON fields; the form's inputs are named after the record components. */
    private static String formField(FieldError error) {
        String field = Problems.jsonName(error.field());
        if (field.startsWith("variants")) {
            return "variants";
        }
        return switch (field) {
            case "target_metric" -> "targetMetric";
            case "secondary_metrics" -> "secondaryMetrics";
            case "confidence_level" -> "confidenceLevel";
            case "minimum_sample_size" -> "minimumSampleSize";
            case "minimum_detectable_effect" -> "minimumDetectableEffect";
            default -> field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        };
    }
}
