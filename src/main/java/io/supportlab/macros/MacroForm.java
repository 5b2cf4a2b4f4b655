package io.supportlab.macros;

import io.supportlab.tickets.Reply;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The macro form of the management page, as posted and as shown again: every field is the text the
 * form sends ({@code ""} for "leave as it is"), so that a form with a mistake comes back as typed.
 */
public record MacroForm(
        @Nullable String title,
        @Nullable String body,
        @Nullable String visibility,
        @Nullable String status,
        @Nullable String priority,
        @Nullable String replyVisibility) {

    static final MacroForm EMPTY = new MacroForm("", "", "personal", "", "", "public");

    static MacroForm of(Macro macro) {
        MacroActions actions = macro.actions();
        TicketStatus status = actions.status();
        TicketPriority priority = actions.priority();
        return new MacroForm(
                macro.title(),
                macro.body(),
                macro.visibility().value(),
                status == null ? "" : status.value(),
                priority == null ? "" : priority.value(),
                actions.replyVisibility().value());
    }

    /** The form's choices as a draft (a value the form never offers counts as "leave as it is"). */
    MacroDraft draft() {
        return new MacroDraft(
                title,
                body,
                "shared".equals(visibility) ? MacroVisibility.SHARED : MacroVisibility.PERSONAL,
                new MacroDraft.Actions(
                        statusOrNull(),
                        priorityOrNull(),
                        "internal".equals(replyVisibility) ? Reply.Visibility.INTERNAL : Reply.Visibility.PUBLIC));
    }

    public boolean is(String field, String value) {
        String chosen = switch (field) {
            case "visibility" -> visibility;
            case "status" -> status;
            case "priority" -> priority;
            case "replyVisibility" -> replyVisibility;
            default -> throw new IllegalArgumentException(field);
        };
        return value.equals(chosen == null ? "" : chosen);
    }

    private @Nullable TicketStatus statusOrNull() {
        for (TicketStatus candidate : TicketStatus.values()) {
            if (candidate.value().equals(lower(status))) {
                return candidate;
            }
        }
        return null;
    }

    private @Nullable TicketPriority priorityOrNull() {
        for (TicketPriority candidate : TicketPriority.values()) {
            if (candidate.value().equals(lower(priority))) {
                return candidate;
            }
        }
        return null;
    }

    private static String lower(@Nullable String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
