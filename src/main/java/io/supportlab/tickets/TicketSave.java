package io.supportlab.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One save of a ticket as its rules decide it (see {@link Ticket}): the state to write, the rows it
 * adds to the status history and the timeline, and the events it raises once written.
 *
 * @param after the ticket to write, with its next version; {@code before} itself when the save
 *     leaves the ticket row alone (a note on its own)
 * @param statusChange the status history row, when the status changed
 * @param fieldChanges the timeline rows of other fields and of a note, in the order they happened
 * @param reply the reply that made this save, if one did
 * @param by who saves (a staff email, or the customer's address for their replies)
 */
record TicketSave(
        Ticket before,
        Ticket after,
        @Nullable StatusChange statusChange,
        List<FieldChange> fieldChanges,
        @Nullable Reply reply,
        String by) {

    TicketSave {
        fieldChanges = List.copyOf(fieldChanges);
    }

    /** A save that writes nothing to the ticket row but maybe a note to the timeline. */
    static TicketSave unchanged(Ticket ticket, List<FieldChange> fieldChanges, String by) {
        return new TicketSave(ticket, ticket, null, fieldChanges, null, by);
    }

    /** Whether the ticket row is written (and its version increases). */
    boolean writesTicket() {
        return after != before;
    }

    /** Whether priority, assignee or tags changed (the status has its own history and event). */
    boolean detailsChanged() {
        return after.priority() != before.priority()
                || !Objects.equals(after.assignee(), before.assignee())
                || tagsChanged();
    }

    /** Whether the tags changed, so that they are written. */
    boolean tagsChanged() {
        return !after.tags().equals(before.tags());
    }

    /** Whether the save did anything at all. */
    boolean isEmpty() {
        return !writesTicket() && fieldChanges.isEmpty();
    }

    /**
     * The events to publish once the save is written, in this order.
     *
     * @param saved the ticket as written
     */
    List<Object> events(Ticket saved) {
        List<Object> events = new ArrayList<>();
        if (statusChange != null) {
            events.add(
                    new TicketStatusChanged(saved, before.status(), saved.status(), by, statusChange.notes(), reply));
        }
        if (reply != null) {
            events.add(new TicketReplied(saved, reply, statusChange == null ? null : before.status()));
        } else if (detailsChanged() || (statusChange == null && !fieldChanges.isEmpty())) {
            events.add(new TicketUpdated(saved, by));
        }
        return events;
    }
}
