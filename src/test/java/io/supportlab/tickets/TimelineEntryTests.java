package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineEntryTests {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);

    @Test
    void oneSaveIsOneEntryWithItsStatusFieldsAndNote() {
        var created = status(null, TicketStatus.NEW, "ann@example.com", "Ticket created", T0);
        var started = status(TicketStatus.NEW, TicketStatus.IN_PROGRESS, "agent@x", "On it", T1);
        var priority = field(FieldChange.Field.PRIORITY, "high", "urgent", "agent@x", T1);
        var assignee = field(FieldChange.Field.ASSIGNEE, null, "agent@x", "agent@x", T1);

        List<TimelineEntry> timeline = TimelineEntry.of(List.of(created, started), List.of(priority, assignee));

        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0).status()).isEqualTo(created);
        assertThat(timeline.get(0).note()).isEqualTo("Ticket created");
        assertThat(timeline.get(1).status()).isEqualTo(started);
        assertThat(timeline.get(1).changes()).containsExactly(priority, assignee);
        assertThat(timeline.get(1).note()).isEqualTo("On it");
        assertThat(timeline.get(1).onlyNote()).isFalse();
    }

    @Test
    void changesOfDifferentPeopleOrMomentsStaySeparateAndInTimeOrder() {
        var created = status(null, TicketStatus.NEW, "ann@example.com", null, T0);
        var late = field(FieldChange.Field.PRIORITY, "low", "high", "b@x", T2);
        var early = field(FieldChange.Field.PRIORITY, "medium", "low", "a@x", T1);
        var note = field(FieldChange.Field.NOTE, null, "Called the customer", "c@x", T1);

        List<TimelineEntry> timeline = TimelineEntry.of(List.of(created), List.of(early, note, late));

        assertThat(timeline).extracting(TimelineEntry::by).containsExactly("ann@example.com", "a@x", "c@x", "b@x");
        assertThat(timeline.get(2).onlyNote()).isTrue();
        assertThat(timeline.get(2).note()).isEqualTo("Called the customer");
        assertThat(timeline.get(2).changes()).isEmpty();
    }

    static StatusChange status(TicketStatus from, TicketStatus to, String by, String notes, Instant at) {
        return new StatusChange("s-" + at + to, "t", from, to, by, notes, at);
    }

    static FieldChange field(FieldChange.Field field, String from, String to, String by, Instant at) {
        return new FieldChange("f-" + at + field + by, "t", field, from, to, by, at);
    }
}
