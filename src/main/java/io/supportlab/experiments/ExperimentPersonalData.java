package io.supportlab.experiments;

import io.supportlab.privacy.Erasure;
import io.supportlab.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Experiment data of a user whose identifier is their email address (pages that use the SDK may
 * identify users so). Erasure moves assignment and events to a pseudonym, so every experiment's
 * results stay exactly as they were, and drops the events' free-form metadata.
 */
@Component
@Order(3)
class ExperimentPersonalData implements PersonalData {

    /** What the export shows. */
    record Exported(List<AssignmentRepository.OfUser> assignments, List<EventRepository.OfUser> events) {}

    private final AssignmentRepository assignments;
    private final EventRepository events;

    ExperimentPersonalData(AssignmentRepository assignments, EventRepository events) {
        this.assignments = assignments;
        this.events = events;
    }

    @Override
    public String section() {
        return "experiments";
    }

    @Override
    public Object export(String email) {
        return new Exported(assignments.ofUser(email), events.ofUser(email));
    }

    @Override
    public Map<String, Integer> erase(String email, Erasure erasure) {
        int assigned = 0;
        int tracked = 0;
        List<String> identifiers = new java.util.ArrayList<>(assignments.identifiersOf(email));
        if (!identifiers.contains(email)) {
            identifiers.add(email);
        }
        for (int i = 0; i < identifiers.size(); i++) {
            // "Ann@x.io" and "ann@x.io" may both be in one experiment: each gets its own pseudonym.
            String pseudonym = i == 0 ? erasure.pseudonym() : erasure.pseudonym() + "-" + i;
            assigned += assignments.pseudonymise(identifiers.get(i), pseudonym);
            tracked += events.pseudonymise(identifiers.get(i), pseudonym);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("assignments_pseudonymised", assigned);
        counts.put("events_pseudonymised", tracked);
        return counts;
    }
}
