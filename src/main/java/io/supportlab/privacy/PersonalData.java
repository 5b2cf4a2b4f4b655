package io.supportlab.privacy;

import java.util.Map;

/**
 * A feature's part of a customer's data. Each feature that stores data about an email address
 * implements this; {@link PrivacyService} asks all of them, in one transaction.
 */
public interface PersonalData {

    /** The section of the export this feature fills, e.g. {@code tickets}. */
    String section();

    /** Everything this feature holds about {@code email} (normalised, lower case), as JSON-ready values. */
    Object export(String email);

    /**
     * Removes {@code email} from this feature: deletes what no one needs, anonymises what statistics
     * need, using {@code erasure}'s replacements.
     *
     * @return how many rows of which kind were deleted or anonymised, e.g. {@code tickets_anonymised}
     */
    Map<String, Integer> erase(String email, Erasure erasure);
}
