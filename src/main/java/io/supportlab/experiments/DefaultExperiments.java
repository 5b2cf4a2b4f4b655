package io.supportlab.experiments;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, makes sure SupportLab's experiments on its own forms exist, as drafts, so a new user
 * can start them from the dashboard. Existing ones are left as they are.
 */
@Component
class DefaultExperiments implements ApplicationRunner {

    static final String ACTOR = "system";

    private final ExperimentService experiments;
    private final ExperimentRepository rows;

    DefaultExperiments(ExperimentService experiments, ExperimentRepository rows) {
        this.experiments = experiments;
        this.rows = rows;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** Creates whichever of the product experiments is missing. */
    void ensure() {
        if (!rows.keyTaken(ProductExperiments.TICKET_FORM)) {
            experiments.create(
                    new ExperimentDefinition(
                            "Ticket form layout",
                            ProductExperiments.TICKET_FORM,
                            "The public ticket form: plain (control) against gradient styling with \"Get Help Now\" (test).",
                            "The friendlier form makes more visitors who need help actually submit a ticket.",
                            null,
                            null,
                            List.of(
                                    new Variant("control", "Plain form", 0.5),
                                    new Variant("test", "Gradient, Get Help Now", 0.5)),
                            "ticket_submitted",
                            List.of("faq_suggestion_clicked"),
                            0.95,
                            200,
                            1.0,
                            null,
                            null,
                            false,
                            null,
                            0.1),
                    ACTOR);
        }
        if (!rows.keyTaken(ProductExperiments.FAQ_FORM)) {
            experiments.create(
                    new ExperimentDefinition(
                            "FAQ form theme",
                            ProductExperiments.FAQ_FORM,
                            "The FAQ Management form: plain (control) against an orange/yellow theme (test).",
                            "A warmer form gets agents to write more FAQ articles.",
                            null,
                            null,
                            List.of(
                                    new Variant("control", "Plain form", 0.5),
                                    new Variant("test", "Orange/yellow theme", 0.5)),
                            "faq_created",
                            List.of(),
                            0.95,
                            50,
                            1.0,
                            null,
                            null,
                            false,
                            null,
                            0.2),
                    ACTOR);
        }
    }
}
