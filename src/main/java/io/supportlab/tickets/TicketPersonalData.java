package io.supportlab.tickets;

import io.supportlab.privacy.Erasure;
import io.supportlab.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A customer's tickets for export and erasure. Erased tickets stay (the help desk's statistics
 * count them) with title, description, replies and notes redacted and the address replaced. Their
 * tags are deleted, and their history of tags redacted: staff type tags freely, and one may name
 * the customer ({@code acme.com}).
 */
@Component
@Order(1)
class TicketPersonalData implements PersonalData {

    /** A ticket with its conversation and history, as the export shows it. */
    record ExportedTicket(Ticket ticket, List<Reply> replies, List<StatusChange> history) {}

    private final TicketRepository tickets;
    private final ConversationRepository conversation;
    private final CustomerRequestRepository requests;

    TicketPersonalData(
            TicketRepository tickets, ConversationRepository conversation, CustomerRequestRepository requests) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.requests = requests;
    }

    @Override
    public String section() {
        return "tickets";
    }

    @Override
    public Object export(String email) {
        return tickets.allForCustomer(email).stream()
                .map(t -> new ExportedTicket(t, conversation.replies(t.id(), true), conversation.history(t.id())))
                .toList();
    }

    @Override
    public Map<String, Integer> erase(String email, Erasure erasure) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int tags = tickets.deleteTags(email); // while the tickets still carry the address
        counts.put("tickets_anonymised", tickets.anonymise(email, erasure.emailMarker(), Erasure.REDACTED));
        counts.put("replies_redacted", conversation.redactReplies(erasure.emailMarker(), Erasure.REDACTED));
        counts.put("history_entries_redacted", conversation.redactHistory(email, erasure.emailMarker()));
        counts.put("tags_deleted", tags);
        counts.put("access_link_requests_deleted", requests.forgetAccessLinkRequests(email));
        return counts;
    }
}
