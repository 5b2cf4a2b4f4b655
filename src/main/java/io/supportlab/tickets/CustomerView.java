package io.supportlab.tickets;

import io.supportlab.accounts.StaffDirectory;
import io.supportlab.accounts.StaffUser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a customer sees of the staff on their ticket (portal pages and API answers alike): the
 * display name a staff member chose, or "Support team", never a staff email address. A display
 * name that is itself an address counts as none.
 */
@Component
class CustomerView {

    static final String SUPPORT_TEAM = "Support team";

    private final StaffDirectory staff;

    CustomerView(StaffDirectory staff) {
        this.staff = staff;
    }

    Ticket ticket(Ticket ticket) {
        return ticket.assignee() == null ? ticket : ticket.assignedTo(names().apply(ticket.assignee()));
    }

    /** The history with staff named; entries the customer made keep their own address. */
    List<StatusChange> history(Ticket ticket, List<StatusChange> history) {
        Function<String, String> names = names();
        return history.stream()
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
