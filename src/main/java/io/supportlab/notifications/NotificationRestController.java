package io.supportlab.notifications;

import io.supportlab.accounts.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seed's notification log per ticket, plus the outbox overview and retry for staff. */
@Tag(name = "Notifications")
@RestController
class NotificationRestController {

    private final NotificationService notifications;

    NotificationRestController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Operation(
            summary = "Notifications of a ticket, oldest first, with delivery status, attempts and error (staff)",
            description = "subject and content are the stored copy of each email: the customer's sign-in and"
                    + " unsubscribe links appear as [redacted: ...]; the email sent carries freshly minted ones.")
    @GetMapping("/api/tickets/{id}/notifications")
    List<Notification> forTicket(@PathVariable String id, Authentication caller) {
        return notifications.forTicket(id, Caller.of(caller));
    }

    @Operation(
            summary = "Outbox rows with a status, newest first (staff): e.g. failed ones and why",
            description = "Links that would sign in as the customer or unsubscribe them are redacted in content.")
    @GetMapping("/api/notifications")
    List<Notification> withStatus(@RequestParam(defaultValue = "failed") NotificationStatus status) {
        return notifications.withStatus(status);
    }

    @Operation(summary = "How many outbox rows are in each status (staff)")
    @GetMapping("/api/notifications/summary")
    Map<NotificationStatus, Long> summary() {
        return notifications.counts();
    }

    @Operation(summary = "Queue a failed notification again (staff)")
    @ApiResponse(responseCode = "409", description = "Only failed notifications can be retried")
    @PostMapping("/api/notifications/{id}/retry")
    Notification retry(@PathVariable String id) {
        return notifications.retry(id);
    }
}
