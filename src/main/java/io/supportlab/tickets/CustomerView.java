package io.supportlab.tickets;

import io.supportlab.accounts.StaffDirectory;
import io.supportlab.accounts.StaffUser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a customer sees of their ticket (portal pages and API answers alike). Staff appear by the
 * display name they chose, or "Support team", never by email address (a display name that is
 * itself an address counts as none). The status is the one the customer sees ({@link
 * TicketStatus#shownToCustomer}: on hold is in progress to them), and staff's tags are left out.
 */
@Component
class CustomerView {

    static final String SUPPORT_TEAM = "Support team";

    private final StaffDirectory staff;

    CustomerView(StaffDirectory staff) {
        this.staff = staff;
    }

    Ticket ticket(Ticket ticket) {
        return ticket.shownToCustomer(ticket.assignee() == null ? null : names().apply(ticket.assignee()));
    }

    /**
     * The history with staff named (entries the customer made keep their own address) and statuses
     * as the customer sees them; a change that is none to the customer (in progress to on hold and
     * back) is left out, with its notes, which were written for the status the customer does not see.
     */
    List<StatusChange> history(Ticket ticket, List<StatusChange> history) {
        Function<String, String> names = names();
        return history.stream()
                .map(StatusChange::shownToCustomer)
                .filter(change -> change.oldStatus() != change.newStatus())
                .map(change -> change.changedBy().equals(ticket.contactEmail())
                        ? change
                        : change.by(names.apply(change.changedBy())))
                .toList();
    }

    List<Reply> replies(List<Reply> replies) {
        Function<String, String> names = names();
        return replies.stream()
                .map(reply -> reply.fromCustomer() ? reply : reply.by(names.apply(reply.author())))
                .toList();
    }

    static String publicName(StaffUser user) {
        String name = user.displayName().strip();
        return name.isEmpty() || name.contains("@") ? SUPPORT_TEAM : name;
    }

    /** Staff email to the name customers see, looked up once per answer. */
    private Function<String, String> names() {
        Map<String, String> byEmail = staff.activeStaff().stream()
                .collect(Collectors.toMap(StaffUser::email, CustomerView::publicName, (a, b) -> a));
        return email -> byEmail.getOrDefault(email, SUPPORT_TEAM);
    }
}
