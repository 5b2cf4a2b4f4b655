package io.supportlab.experiments;

import com.fasterxml.jackson.annotation.JsonValue;
import io.supportlab.experiments.stats.CorrectionMethod;

/** How p-values are adjusted when an experiment makes several comparisons. */
public enum Correction {
    HOLM("holm", CorrectionMethod.HOLM),
    BENJAMINI_HOCHBERG("benjamini-hochberg", CorrectionMethod.BENJAMINI_HOCHBERG),
    NONE("none", CorrectionMethod.NONE);

    private final String value;
    private final CorrectionMethod method;

    Correction(String value, CorrectionMethod method) {
        this.value = value;
        this.method = method;
    }

    @JsonValue
    public String value() {
        return value;
    }

    CorrectionMethod method() {
        return method;
    }

    static Correction fromValue(String value) {
        for (Correction correction : values()) {
            if (correction.value.equals(value)) {
                return correction;
            }
        }
        throw new IllegalArgumentException("Unknown correction " + value);
    }
}
