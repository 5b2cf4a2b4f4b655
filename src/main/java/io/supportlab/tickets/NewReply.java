package io.supportlab.tickets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A message added to a ticket. Staff choose public (emailed to the customer) or internal (staff
 * only, the default for nothing); customers can only write public replies.
 */
public record NewReply(
        @NotBlank @Size(max = NewTicket.MAX_DESCRIPTION) @Nullable
        String body,

        Reply.@Nullable Visibility visibility) {}
