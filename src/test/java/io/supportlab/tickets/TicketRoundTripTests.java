package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.Caller;
import io.supportlab.accounts.Role;
import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.StatementLog;
import io.supportlab.testing.UsePostgres;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.ui.ExtendedModelMap;

/**
 * How many statements a ticket's change, reply and page take, on SQLite and on PostgreSQL: one
 * locked read and one {@code UPDATE ... RETURNING} per change, and one read of the ticket per page.
 * Only the tickets module's own tables count (listeners in other modules write their own rows).
 */
class TicketRoundTripTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @Import(StatementLog.Configuration.class)
    abstract static class Contract extends IntegrationTest {

        static final Caller ADMIN = new Caller(ADMIN_EMAIL, true);

        @Autowired
        TicketService service;

        @Autowired
        TicketWebController web;

        @Autowired
        StatementLog log;

        @Autowired
        SqlDialect dialect;

        Ticket ticket;

        @BeforeEach
        void fileATicket() {
            ticket = service.create(
                    new NewTicket("Printer", "It jams", TicketPriority.MEDIUM, "customer@example.com"), null);
        }

        @Test
        void aChangeReadsAndLocksTheTicketOnceAndWritesItOnce() {
            var change = new TicketChange(
                    TicketStatus.IN_PROGRESS, TicketPriority.HIGH, ADMIN_EMAIL, null, "On it", null, null);

            var recorded = log.during(() -> service.change(ticket.reference(), change, ticket.version(), ADMIN));

            assertThat(StatementLog.summary(recorded.statements(), "ticket"))
                    .containsExactly(
                            "select tickets",
                            "update tickets",
                            "insert ticket_status_history",
                            "insert ticket_changes",
                            "insert ticket_changes");
            List<String> onTickets = recorded.statements().stream()
                    .filter(sql -> StatementLog.summary(List.of(sql), "tickets").size() == 1)
                    .toList();
            assertThat(onTickets.getFirst()).endsWith(dialect.forUpdate());
            assertThat(onTickets.getLast()).contains("RETURNING");
            Ticket saved = recorded.result();
            assertThat(saved.version()).isEqualTo(ticket.version() + 1);
            assertThat(saved.status()).isEqualTo(TicketStatus.IN_PROGRESS);
            assertThat(saved.assignee()).isEqualTo(ADMIN_EMAIL);
            assertThat(saved).isEqualTo(service.get(ticket.id(), ADMIN));
        }

        @Test
        void aReplyReadsTheTicketOnceAndWritesItOnceWithItsFirstResponse() {
            var reply = new NewReply("We are on it", Reply.Visibility.PUBLIC);

            var recorded = log.during(() -> service.reply(ticket.id(), reply, ADMIN));

            assertThat(StatementLog.summary(recorded.statements(), "ticket"))
                    .containsExactly(
                            "select tickets",
                            "insert ticket_replies",
                            "update tickets",
                            "insert ticket_status_history");
            Ticket saved = service.get(ticket.id(), ADMIN);
            assertThat(saved.status()).isEqualTo(TicketStatus.IN_PROGRESS);
            assertThat(saved.firstResponseAt()).isEqualTo(recorded.result().createdAt());
        }

        @Test
        void theTicketPageReadsTheTicketOnce() {
            var agent = new UsernamePasswordAuthenticationToken(
                    ADMIN_EMAIL, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority())));
            var model = new ExtendedModelMap();

            var recorded = log.during(() -> web.detail(ticket.reference(), agent, model));

            assertThat(recorded.result()).isEqualTo("tickets/detail");
            assertThat(((TicketView) model.get("view")).ticket()).isEqualTo(ticket);
            assertThat(StatementLog.summary(recorded.statements(), "ticket"))
                    .containsExactly(
                            "select tickets",
                            "select ticket_replies",
                            "select ticket_status_history",
                            "select ticket_changes");
        }
    }
}
