package io.supportlab.macros;

import io.supportlab.tickets.Reply;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A macro as written by staff, to create one or replace one's fields.
 *
 * @param visibility {@code personal} when absent on create; unchanged when absent on update
 * @param actions none when absent (a public reply that changes no field)
 */
public record MacroDraft(
        @NotBlank @Size(max = MacroDraft.MAX_TITLE) @Nullable
        String title,

        @NotBlank @Size(max = MacroDraft.MAX_BODY) @Nullable String body,

        @Nullable MacroVisibility visibility,

        @Nullable Actions actions) {

    public static final int MAX_TITLE = 200;
    /** Half a reply's limit, so that the filled-in placeholders fit. */
    public static final int MAX_BODY = 10_000;

    /**
     * The actions as sent.
     *
     * @param replyVisibility {@code public} when absent
     */
    public record Actions(
            @Nullable TicketStatus status,
            @Nullable TicketPriority priority,
            Reply.@Nullable Visibility replyVisibility) {}

    MacroActions actionsOrNone() {
        Actions sent = actions;
        if (sent == null) {
            return MacroActions.NONE;
        }
        Reply.Visibility reply = sent.replyVisibility();
        return new MacroActions(sent.status(), sent.priority(), reply == null ? Reply.Visibility.PUBLIC : reply);
    }
}
