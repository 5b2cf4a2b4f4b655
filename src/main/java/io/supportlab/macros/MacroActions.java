package io.supportlab.macros;

import io.supportlab.tickets.Reply;
import io.supportlab.tickets.TicketChange;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a macro does besides writing the reply, applied after it in the same transaction. A new kind
 * of action (a team, tags) is one more component here, its column in {@code macros}, and one more
 * call in {@link MacroService#apply}.
 *
 * @param status the status the ticket gets, or null to leave it (the reply's own rule still moves a
 *     new ticket to in-progress when the reply is public)
 * @param priority the priority the ticket gets, or null to leave it
 * @param replyVisibility whether the reply goes to the customer or is an internal note
 */
public record MacroActions(
        @Nullable TicketStatus status, @Nullable TicketPriority priority, Reply.Visibility replyVisibility) {

    public static final MacroActions NONE = new MacroActions(null, null, Reply.Visibility.PUBLIC);

    /** The change of the ticket's fields after the reply, or null when the macro changes none. */
    @Nullable
    TicketChange ticketChange() {
        if (status == null && priority == null) {
            return null;
        }
        return new TicketChange(status, priority, null, null, null);
    }

    /** What applying the macro does, in words, for the picker and the list of macros. */
    public List<String> effects() {
        List<String> effects = new ArrayList<>();
        effects.add(replyVisibility == Reply.Visibility.PUBLIC ? "Public reply" : "Internal note");
        if (status != null) {
            effects.add("Status: " + status.label());
        }
        if (priority != null) {
            effects.add("Priority: " + priority.label());
        }
        return effects;
    }
}
