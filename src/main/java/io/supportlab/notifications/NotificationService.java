package io.supportlab.notifications;

import io.supportlab.accounts.Caller;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import io.supportlab.tickets.TicketService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Read access to the outbox for staff, and the manual retry of failed notifications. */
@Service
class NotificationService {

    static final int OVERVIEW_LIMIT = 200;

    private final NotificationRepository notifications;
    private final MailRenderer renderer;
    private final TicketService tickets;
    private final Clock clock;

    NotificationService(
            NotificationRepository notifications, MailRenderer renderer, TicketService tickets, Clock clock) {
        this.notifications = notifications;
        this.renderer = renderer;
        this.tickets = tickets;
        this.clock = clock;
    }

    List<Notification> forTicket(String idOrReference, Caller caller) {
        return withCopies(
                notifications.forTicket(tickets.get(idOrReference, caller).id()));
    }

    List<Notification> withStatus(NotificationStatus status) {
        return withCopies(notifications.byStatus(status, OVERVIEW_LIMIT));
    }

    private List<Notification> withCopies(List<Notification> rows) {
        return rows.stream().map(renderer::withCopy).toList();
    }

    Map<NotificationStatus, Long> counts() {
        return notifications.countByStatus();
    }

    /** Puts a failed notification back in the queue for another full series of attempts. */
    Notification retry(String id) {
        Notification notification =
                notifications.find(id).orElseThrow(() -> new ResourceNotFoundException("notification", id));
        if (!notifications.retryFailed(id, Instant.now(clock))) {
            throw new ConflictException(
                    "Only failed notifications can be retried; this one is "
                            + notification.status().value(),
                    Map.of("status", notification.status().value()));
        }
        return renderer.withCopy(notifications.find(id).orElseThrow());
    }
}
