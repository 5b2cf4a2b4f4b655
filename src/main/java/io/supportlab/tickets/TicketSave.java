package io.supportlab.tickets;

import io.supportlab.platform.persistence.Ids;
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

    /** Whether priority, assignee, team or tags changed (the status has its own history and event). */
    boolean detailsChanged() {
        return after.priority() != before.priority()
                || !Objects.equals(after.assignee(), before.assignee())
                || !after.team().equals(before.team())
                || tagsChanged();
    }

    /** Whether the tags changed, so that they are written. */
    boolean tagsChanged() {
        return !after.tags().equals(before.tags());
    }

    /**
     * Whether this save leaves an open ticket unassigned in another team than before: the new team's
     * mode may then pick an assignee. A ticket someone assigns in the same save keeps that assignee;
     * a resolved or closed one needs nobody.
     */
    boolean arrivedUnassigned() {
        return writesTicket()
                && after.assignee() == null
                && !after.team().equals(before.team())
                && after.status() != TicketStatus.RESOLVED
                && after.status() != TicketStatus.CLOSED;
    }

    /**
     * This save with the new team's automatic assignment added: the assignee joins the same save (one
     * new version), and the timeline shows it as an entry of its own, by {@code actor}, with a note
     * that says why.
     */
    TicketSave withAutomaticAssignment(String assignee, String actor, String note) {
        List<FieldChange> changes = new ArrayList<>(fieldChanges);
        changes.add(new FieldChange(
                Ids.newId(), after.id(), FieldChange.Field.ASSIGNEE, null, assignee, actor, after.updatedAt()));
        changes.add(
                new FieldChange(Ids.newId(), after.id(), FieldChange.Field.NOTE, null, note, actor, after.updatedAt()));
        Ticket assigned = after.toBuilder().assignee(assignee).build();
        return new TicketSave(before, assigned, statusChange, changes, reply, by);
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
