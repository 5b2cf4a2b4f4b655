package io.supportlab.experiments.stats;

/** What a comparison measures. */
public enum Metric {
    /** Share of participants who converted (converters / participants). */
    CONVERSION,
    /** Average value per participant (value sum / participants), e.g. revenue per user. */
    VALUE
}
