package io.supportlab.experiments.stats;

/** How p-values are adjusted when one analysis makes several comparisons. */
public enum CorrectionMethod {
    /** Holm–Bonferroni step-down: controls the family-wise error rate; the default. */
    HOLM,
    /** Benjamini–Hochberg step-up: controls the false discovery rate. */
    BENJAMINI_HOCHBERG,
    /** No adjustment: every comparison is judged on its own p-value. */
    NONE
}
