package io.supportlab.privacy;

/**
 * Replacements used by one erasure. Both are random, so erased records cannot be linked back to the
 * address, while the records of one person stay linked to each other (an experiment's participant
 * keeps their assignment and events together, so results do not change).
 *
 * @param emailMarker stands in for the address where a column needs an email-shaped value
 * @param pseudonym stands in for the address as an experiment user identifier
 */
public record Erasure(String emailMarker, String pseudonym) {

    /** Text that replaces erased free text (ticket titles, descriptions, replies). */
    public static final String REDACTED = "[erased]";
}
