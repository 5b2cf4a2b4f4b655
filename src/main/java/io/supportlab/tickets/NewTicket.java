package io.supportlab.tickets;

import io.supportlab.platform.DeliverableEmail;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as submitted (the seed's fields). Priority defaults to medium. Serializable: a form
 * shown again after a redirect carries it in the session.
 *
 * @param contactEmail where updates go; also the customer's identity for their access link. An
 *     address we can write to ({@link DeliverableEmail}): no IP addresses or local host names
 * @param team the team's id or name, when staff file the ticket; absent: the default team
 * @param tags staff's labels ({@link TicketTags}); only staff may send them
 */
public record NewTicket(
        @NotBlank @Size(max = NewTicket.MAX_TITLE) @Nullable String title,

        @NotBlank @Size(max = NewTicket.MAX_DESCRIPTION) @Nullable
        String description,

        @Nullable TicketPriority priority,

        @NotBlank @DeliverableEmail @Nullable String contactEmail,

        @Size(max = 100) @Nullable String team,

        @Nullable List<@Nullable String> tags)
        implements Serializable {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 20_000;

    /** A ticket for the default team, without tags, as customers send them. */
    public NewTicket(
            @Nullable String title,
            @Nullable String description,
            @Nullable TicketPriority priority,
            @Nullable String contactEmail) {
        this(title, description, priority, contactEmail, null, null);
    }
}
