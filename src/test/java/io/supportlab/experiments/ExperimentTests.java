package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The lifecycle and edit rules of an experiment, without a Spring context or a database. */
class ExperimentTests {

    static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant LATER = CREATED.plus(Duration.ofDays(1));
    static final Instant LATEST = CREATED.plus(Duration.ofDays(2));

    /** A definition with the fields these rules look at; the others absent. */
    static ExperimentDefinition definition(
            @Nullable String name,
            @Nullable String description,
            @Nullable String controlVariant,
            @Nullable String testVariant,
            @Nullable List<Variant> variants,
            @Nullable String targetMetric,
            @Nullable Map<String, Object> targeting) {
        return new ExperimentDefinition(
                name,
                null,
                description,
                null,
                controlVariant,
                testVariant,
                variants,
                targetMetric,
                null,
                null,
                null,
                null,
                targeting,
                null,
                null,
                null,
                null);
    }

    static ExperimentDefinition definition(
            @Nullable String name, @Nullable String metric, @Nullable List<Variant> variants) {
        return definition(name, null, null, null, variants, metric, null);
    }

    static ExperimentDefinition edit(
            @Nullable String description, @Nullable List<Variant> variants, @Nullable String targetMetric) {
        return definition(null, description, null, null, variants, targetMetric, null);
    }

    static final List<Variant> THREE =
            List.of(new Variant("a", "A", 0.333), new Variant("b", "B", 0.333), new Variant("c", "C", 0.333));

    static Experiment draft() {
        return Experiment.draft(
                        "id-1", definition("  Checkout  button ", "clicked", THREE), name -> "checkout", CREATED)
                .experiment();
    }

    @Test
    void aNewDraftHasTheDefaultsNormalisedWeightsAndRaisesCreated() {
        ExperimentChange created = Experiment.draft(
                "id-1", definition("  Checkout  button ", "clicked", THREE), name -> name.toLowerCase(), CREATED);
        Experiment experiment = created.experiment();
        assertThat(experiment.status()).isEqualTo(ExperimentStatus.DRAFT);
        assertThat(experiment.name()).isEqualTo("Checkout  button");
        assertThat(experiment.key()).isEqualTo("checkout  button");
        assertThat(experiment.controlVariant()).isEqualTo("a");
        assertThat(experiment.testVariant()).isEqualTo("b");
        assertThat(Weights.total(experiment.variants())).isEqualTo(1.0);
        assertThat(experiment.confidenceLevel()).isEqualTo(0.95);
        assertThat(experiment.minimumSampleSize()).isEqualTo(100);
        assertThat(experiment.coverage()).isEqualTo(1.0);
        assertThat(experiment.correction()).isEqualTo(Correction.HOLM);
        assertThat(experiment.startDate()).isNull();
        assertThat(experiment.version()).isEqualTo(1);
        assertThat(created.events())
                .containsExactly(new ExperimentEvent.Created("checkout  button", experiment.variants()));
    }

    @Test
    void theSeedsPairIsTwoVariantsAtHalfEach() {
        Experiment experiment = Experiment.draft(
                        "id-2", definition("Pair", null, "old", "new", null, "go", null), name -> "pair", CREATED)
                .experiment();
        assertThat(experiment.variants())
                .containsExactly(new Variant("old", "old", 0.5), new Variant("new", "new", 0.5));
    }

    @Test
    void anInvalidDraftNamesEveryFieldAndAsksForNoKey() {
        List<Variant> lopsided = List.of(new Variant("a", null, 0.9), new Variant("a", null, 0.5));
        assertThatThrownBy(() -> Experiment.draft(
                        "id-3",
                        definition(" ", null, lopsided),
                        name -> {
                            throw new AssertionError("no key for an invalid definition");
                        },
                        CREATED))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("name", "target_metric", "variants[1].key", "variants"));
    }

    @Test
    void startingSetsTheStartDateOnceAndResumingKeepsIt() {
        Experiment running = draft().start(LATER).experiment();
        assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(running.startDate()).isEqualTo(LATER);
        assertThat(running.updatedAt()).isEqualTo(LATER);

        Experiment paused = running.pause(LATEST).experiment();
        ExperimentChange resumed = paused.start(LATEST.plusSeconds(60));
        assertThat(resumed.experiment().status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(resumed.experiment().startDate()).isEqualTo(LATER);
        assertThat(resumed.events())
                .containsExactly(new ExperimentEvent.StatusChanged(
                        "checkout", ExperimentStatus.PAUSED, ExperimentStatus.RUNNING));
    }

    @Test
    void completingSetsTheEndDateAndArchivingKeepsIt() {
        Experiment completed =
                draft().start(LATER).experiment().complete(LATEST).experiment();
        assertThat(completed.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(completed.endDate()).isEqualTo(LATEST);
        Experiment archived = completed.archive(LATEST.plusSeconds(1)).experiment();
        assertThat(archived.status()).isEqualTo(ExperimentStatus.ARCHIVED);
        assertThat(archived.endDate()).isEqualTo(LATEST);
        assertThat(archived.startDate()).isEqualTo(LATER);
    }

    @Test
    void aCopyKeepsWhatTheChangeDoesNotTouch() {
        Experiment draft = draft();
        Experiment running = draft.start(LATER).experiment();
        assertThat(running)
                .usingRecursiveComparison()
                .ignoringFields("status", "startDate", "updatedAt")
                .isEqualTo(draft);
    }

    @Test
    void movingToTheCurrentStatusChangesNothing() {
        Experiment running = draft().start(LATER).experiment();
        ExperimentChange again = running.start(LATEST);
        assertThat(again.changed()).isFalse();
        assertThat(again.experiment()).isSameAs(running);
    }

    @Test
    void aTransitionOffTheLifecycleIsAConflictNamingTheAllowedOnes() {
        assertThatThrownBy(() -> draft().complete(LATER)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.getBody().getDetail())
                    .isEqualTo("A draft experiment cannot become completed; allowed: running, archived");
            assertThat(e.getBody().getProperties())
                    .containsEntry("current_status", "draft")
                    .containsEntry("allowed", List.of("running", "archived"));
        });
        Experiment completed =
                draft().start(LATER).experiment().complete(LATEST).experiment();
        assertThatThrownBy(() -> completed.start(LATEST)).isInstanceOf(ConflictException.class);
        Experiment archived = draft().archive(LATER).experiment();
        assertThatThrownBy(() -> archived.start(LATEST))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getBody().getDetail())
                                .isEqualTo("A archived experiment cannot become running"));
    }

    @Test
    void aDraftMayChangeItsVariantsAndMetric() {
        List<Variant> two = List.of(new Variant("x", null, 0.3), new Variant("y", null, 0.7));
        ExperimentChange edited = draft().edit(edit(null, two, "bought"), LATER);
        assertThat(edited.experiment().variants()).isEqualTo(two);
        assertThat(edited.experiment().controlVariant()).isEqualTo("x");
        assertThat(edited.experiment().targetMetric()).isEqualTo("bought");
        assertThat(edited.experiment().updatedAt()).isEqualTo(LATER);
        assertThat(edited.events()).containsExactly(new ExperimentEvent.Edited("checkout", edit(null, two, "bought")));
    }

    @Test
    void aStartedExperimentKeepsWhoSeesWhatAndItsMetricButTakesANewDescription() {
        Experiment running = draft().start(LATER).experiment();
        List<Variant> reweighted =
                List.of(new Variant("a", "A", 0.5), new Variant("b", "B", 0.25), new Variant("c", "C", 0.25));
        assertThatThrownBy(() -> running.edit(edit(null, reweighted, "bought"), LATEST))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getBody().getProperties())
                                .containsEntry("locked_fields", List.of("variants", "target_metric")));

        Experiment described =
                running.edit(edit("Why we run it", null, null), LATEST).experiment();
        assertThat(described.description()).isEqualTo("Why we run it");
        assertThat(described.variants()).isEqualTo(running.variants());
        assertThat(described.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(described.startDate()).isEqualTo(LATER);
    }

    @Test
    void aStartedExperimentMayBeSentTheSameVariantsAgain() {
        Experiment paused = draft().start(LATER).experiment().pause(LATEST).experiment();
        assertThat(paused.edit(edit(null, paused.variants(), paused.targetMetric()), LATEST)
                        .experiment()
                        .variants())
                .isEqualTo(paused.variants());
    }

    @Test
    void anArchivedExperimentCannotBeEdited() {
        Experiment archived = draft().archive(LATER).experiment();
        assertThatThrownBy(() -> archived.edit(edit("late", null, null), LATEST))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getBody().getDetail()).isEqualTo("An archived experiment cannot be edited"));
    }

    @Test
    void anEditWithBadWeightsOrTargetingIsRefusedWithTheFields() {
        List<Variant> heavy = List.of(new Variant("x", null, 0.8), new Variant("y", null, 0.8));
        ExperimentDefinition change =
                definition(null, null, null, null, heavy, null, Map.of("country", Map.of("$nope", 1)));
        assertThatThrownBy(() -> draft().edit(change, LATER))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("variants", "targeting"));
    }
}
