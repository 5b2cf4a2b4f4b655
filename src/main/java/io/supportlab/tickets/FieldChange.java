package io.supportlab.tickets;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A change of a ticket field other than its status, which has its own history (priority, assignee,
 * tags), or a note for the history written without a status change. Entries are never changed or
 * deleted (but for an erasure's redactions).
 *
 * @param oldValue the value before, null when it was empty (and always for a note)
 * @param newValue the value after, null when it was cleared; the text of a note
 */
public record FieldChange(
        String id,
        String ticketId,
        Field field,
        @Nullable String oldValue,
        @Nullable String newValue,
        String changedBy,
        Instant changedAt) {

    /** What changed. */
    public enum Field {
        PRIORITY("Priority"),
        ASSIGNEE("Assignee"),
        /** Values are team ids as stored; the timeline shows the teams' names. */
        TEAM("Team"),
        /** The tags as a list ({@code billing, vip}), none as null. */
        TAGS("Tags"),
        NOTE("Note");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return label;
        }

        static Field fromValue(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public boolean note() {
        return field == Field.NOTE;
    }

    /** The same change with its values shown as {@code show} names them. */
    FieldChange shown(java.util.function.UnaryOperator<String> show) {
        return new FieldChange(
                id,
                ticketId,
                field,
                oldValue == null ? null : show.apply(oldValue),
                newValue == null ? null : show.apply(newValue),
                changedBy,
                changedAt);
    }
}
