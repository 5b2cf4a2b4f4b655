package io.supportlab.experiments;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, makes sure the product experiments the features declare exist, as drafts, so a new user
 * can start them from the dashboard. Existing ones are left as they are.
 */
@Component
class DefaultExperiments implements ApplicationRunner {

    static final String ACTOR = "system";

    private final ExperimentService experiments;
    private final ExperimentRepository rows;
    private final List<ProductExperiment> declared;

    DefaultExperiments(ExperimentService experiments, ExperimentRepository rows, List<ProductExperiment> declared) {
        this.experiments = experiments;
        this.rows = rows;
        this.declared = declared;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** Creates whichever of the declared product experiments is missing. */
    void ensure() {
        for (ProductExperiment experiment : declared) {
            if (!rows.keyTaken(experiment.key())) {
                experiments.create(experiment.definition(), ACTOR);
            }
        }
    }
}
