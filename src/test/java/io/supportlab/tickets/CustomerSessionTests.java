package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.MovableTime;
import io.supportlab.testing.MutableClock;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A customer signed in through an emailed link stays signed in no longer than the link works: with
 * the session in the container's memory (SQLite) and in the database (PostgreSQL).
 */
class CustomerSessionTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @Import(MovableTime.class)
    abstract static class Contract extends IntegrationTest {

        @Autowired
        MutableClock clock;

        @Autowired
        CustomerAccess access;

        @Autowired
        TicketService tickets;

        @Test
        void aSessionFromAnAccessLinkEndsWhenTheLinkWouldExpire() {
            tickets.create(new NewTicket("Mine", "Details", TicketPriority.LOW, "sam@example.com"), null);
            PageSession customer = new PageSession(baseUrl());
            assertThat(customer.get("/my/access?token=" + access.token("sam@example.com"))
                            .uri()
                            .getPath())
                    .isEqualTo("/my/tickets");

            clock.advance(access.linkValidity().minusMinutes(1));
            assertThat(customer.get("/my/tickets").body()).contains("Mine");

            clock.advance(Duration.ofMinutes(2));
            assertThat(customer.get("/my/tickets").uri().getPath()).isEqualTo("/my/link");
            assertThat(customer.get("/my/tickets").uri().getPath()).isEqualTo("/my/link");
        }
    }
}
