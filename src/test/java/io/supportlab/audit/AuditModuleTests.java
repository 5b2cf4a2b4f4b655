package io.supportlab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.testing.MovableTime;
import io.supportlab.testing.MutableClock;
import io.supportlab.testing.UsePostgres;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The audit module started on its own, with {@code platform}, its one dependency: every feature
 * records into the log, so it must work without any of them. Entries are append-only, listed newest
 * first, and name people by pseudonym.
 */
@Tag("slow")
class AuditModuleTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
    @Import(MovableTime.class)
    abstract static class Contract {

        @Autowired
        AuditLog log;

        @Autowired
        MutableClock clock;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        ConfigurableApplicationContext context;

        String actor = "";

        @BeforeEach
        void ownActor() {
            // The audit log outlives every test (its triggers refuse deletes): each test has its own actor.
            actor = "staff-" + UUID.randomUUID() + "@example.com";
        }

        @Test
        void startsWithoutAnyOtherFeature() {
            assertThat(Arrays.stream(context.getBeanDefinitionNames())
                            .map(context.getBeanFactory()::getType)
                            .filter(Objects::nonNull)
                            .map(Class::getPackageName)
                            .filter(name -> name.startsWith("io.supportlab.")))
                    .isNotEmpty()
                    .allMatch(name -> name.equals("io.supportlab.audit")
                            || name.equals("io.supportlab.platform")
                            || name.startsWith("io.supportlab.platform.")
                            || name.equals("io.supportlab.testing"));
        }

        @Test
        void listsNewestFirstAndPagesOnFromTheCursor() {
            for (String action : new String[] {"ticket.created", "ticket.status", "faq.updated"}) {
                log.record(actor, action, "SL-1001", "details of " + action);
                clock.advance(Duration.ofSeconds(1));
            }

            AuditFilter mine = new AuditFilter(actor, null, null, null, null, null);
            Page<AuditEntry> first = log.list(mine, PageRequest.first(2));
            assertThat(first.items()).extracting(AuditEntry::action).containsExactly("faq.updated", "ticket.status");
            assertThat(first.items())
                    .allSatisfy(entry -> assertThat(entry.address())
                            .as("the address of the (mock) request it was recorded in")
                            .isEqualTo("127.0.0.1"));
            Page<AuditEntry> rest = log.list(mine, PageRequest.of(2, first.nextCursor()));
            assertThat(rest.items()).extracting(AuditEntry::action).containsExactly("ticket.created");
            assertThat(rest.nextCursor()).isNull();

            assertThat(log.list(new AuditFilter(actor, "ticket.", null, null, null, null), PageRequest.first(10))
                            .items())
                    .extracting(AuditEntry::action)
                    .containsExactly("ticket.status", "ticket.created");
        }

        @Test
        void entriesAboutAPersonNameThemByPseudonymAndAreFoundByTheirAddress() {
            AuditEntry entry = log.recordAboutPerson(actor, "privacy.exported", " Ann@Example.com ", null);

            assertThat(entry.target()).startsWith("hmac:").doesNotContain("ann", "example");
            assertThat(log.list(AuditFilter.about("ann@example.com", "privacy.exported"), PageRequest.first(10))
                            .items())
                    .extracting(AuditEntry::id)
                    .contains(entry.id());
        }

        @Test
        void refusesToChangeOrDeleteAnEntry() {
            String id =
                    log.record(actor, "user.created", "bo@example.com", null).id();

            assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else' WHERE id = :id")
                            .param("id", id)
                            .update())
                    .isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = :id")
                            .param("id", id)
                            .update())
                    .isInstanceOf(DataAccessException.class);
            assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo(actor);
        }
    }
}
