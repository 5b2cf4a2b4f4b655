package io.supportlab.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One moment of a ticket's timeline: what one person changed in one save (the status, other fields,
 * or both) and the note they gave.
 *
 * @param status the status change, if the status changed then (also the ticket's creation)
 * @param changes the other fields that changed, in the order they were recorded
 */
public record TimelineEntry(
        Instant at,
        String by,
        @Nullable StatusChange status,
        List<FieldChange> changes,
        @Nullable String note) {

    /** The status history and the field changes merged, oldest first, one entry per save. */
    static List<TimelineEntry> of(List<StatusChange> history, List<FieldChange> fieldChanges) {
        record Key(Instant at, String by) {}
        Map<Key, List<Object>> saves = new LinkedHashMap<>();
        history.forEach(s -> saves.computeIfAbsent(new Key(s.changedAt(), s.changedBy()), k -> new ArrayList<>())
                .add(s));
        fieldChanges.forEach(c -> saves.computeIfAbsent(new Key(c.changedAt(), c.changedBy()), k -> new ArrayList<>())
                .add(c));
        List<TimelineEntry> entries = new ArrayList<>();
        saves.forEach((key, parts) -> {
            StatusChange status = null;
            List<FieldChange> changes = new ArrayList<>();
            String note = null;
            for (Object part : parts) {
                if (part instanceof StatusChange s) {
                    status = s;
                    note = s.notes();
                } else if (part instanceof FieldChange c && c.note()) {
                    note = c.newValue();
                } else if (part instanceof FieldChange c) {
                    changes.add(c);
                }
            }
            entries.add(new TimelineEntry(key.at(), key.by(), status, List.copyOf(changes), note));
        });
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    /** Whether this entry changed nothing but carries a note. */
    public boolean onlyNote() {
        return status == null && changes.isEmpty() && note != null;
    }
}
