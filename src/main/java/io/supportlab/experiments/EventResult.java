package io.supportlab.experiments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one event.
 *
 * @param index position in the batch (0 for a single event)
 * @param id the stored event's id; for a duplicate, null
 * @param reason why it was rejected
 */
public record EventResult(
        int index,
        Outcome status,
        @Nullable String id,
        @Nullable String reason) {

    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        REJECTED;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
