package io.supportlab.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Round-robin stays fair when tickets arrive at once: every ticket's transaction takes its turn
 * under the team's row lock on PostgreSQL (several instances would share it the same way), and
 * SQLite writes one transaction at a time.
 */
class TeamAssignmentConcurrencyTests {

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @Nested
    class OnSqlite extends Contract {}

    abstract static class Contract extends IntegrationTest {

        static final int MEMBERS = 4;
        static final int TICKETS = 40;

        @Autowired
        TicketService tickets;

        @Test
        void fortyTicketsAtOnceInARoundRobinTeamOfFourGiveEachMemberTen() throws Exception {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                String email = "agent" + i + "@example.com";
                api(admin())
                        .post(
                                "/api/users",
                                "{\"email\":\"" + email + "\",\"display_name\":\"Agent " + i + "\",\"password\":\""
                                        + TeamApiTests.PASSWORD + "\",\"role\":\"agent\"}",
                                201);
                members.add("\"" + email + "\"");
            }
            api(admin())
                    .post(
                            "/api/teams",
                            "{\"name\":\"Rush\",\"assignment\":\"round-robin\",\"members\":["
                                    + String.join(",", members) + "]}",
                            201);

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Ticket>> created = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < TICKETS; i++) {
                    int n = i;
                    created.add(pool.submit(() -> {
                        start.await();
                        return tickets.create(
                                new NewTicket(
                                        "Outage " + n,
                                        "Everything is down",
                                        TicketPriority.HIGH,
                                        "c@example.com",
                                        "Rush",
                                        null),
                                ADMIN_EMAIL);
                    }));
                }
                start.countDown();
                List<String> assignees = new ArrayList<>();
                for (Future<Ticket> ticket : created) {
                    assignees.add(ticket.get().assignee());
                }
                Map<String, Long> perMember =
                        assignees.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(perMember)
                        .hasSize(MEMBERS)
                        .allSatisfy(
                                (member, count) -> assertThat(count).as(member).isEqualTo(TICKETS / MEMBERS));
            }
            long stored = jdbc.sql("SELECT COUNT(*) FROM tickets WHERE assignee IS NOT NULL")
                    .query(Long.class)
                    .single();
            assertThat(stored).isEqualTo(TICKETS);
        }
    }
}
