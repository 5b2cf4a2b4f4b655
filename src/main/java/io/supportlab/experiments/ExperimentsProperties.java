package io.supportlab.experiments;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the experiments.
 *
 * @param archivedEventRetention how long after an experiment is archived its raw events are kept
 *     ({@code SUPPORTLAB_EXPERIMENTS_ARCHIVED_EVENT_RETENTION}, e.g. {@code 180d}); then they are
 *     deleted, while its assignments and stored results stay. Not set: kept forever.
 */
@Validated
@ConfigurationProperties("supportlab.experiments")
record ExperimentsProperties(@Nullable Duration archivedEventRetention) {

    ExperimentsProperties {
        if (archivedEventRetention != null
                && (archivedEventRetention.isNegative() || archivedEventRetention.isZero())) {
            throw new IllegalArgumentException("supportlab.experiments.archived-event-retention must be positive");
        }
    }
}
