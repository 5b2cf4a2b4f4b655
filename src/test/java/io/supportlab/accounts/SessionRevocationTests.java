package io.supportlab.accounts;

import static io.supportlab.accounts.StaffFixtures.NEW_PASSWORD;
import static io.supportlab.accounts.StaffFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Deactivating a user, changing their role or setting their password ends their sessions at once:
 * the next request of an open session, whatever it asks, goes to the login page instead. On SQLite
 * and on PostgreSQL.
 */
class SessionRevocationTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        UserService users;

        StaffUser staff(String email, Role role) {
            return StaffFixtures.staff(users, email, role);
        }

        PageSession logIn(String email) {
            return PageSession.staff(baseUrl(), email, PASSWORD);
        }

        static void assertEnded(HttpResponse<String> response) {
            assertThat(response.uri().getPath()).isEqualTo("/login");
            assertThat(response.uri().getQuery()).isEqualTo("ended");
            assertThat(response.body()).contains("Your session has ended");
        }

        void deactivate(StaffUser user) {
            admin().put()
                    .uri("/api/users/" + user.id() + "/active")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"active\":false}")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }

        String ticket() {
            return admin().post()
                    .uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"title\":\"Printer on fire\",\"description\":\"It smokes\","
                            + "\"contact_email\":\"customer@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .returnResult(Map.class)
                    .getResponseBody()
                    .get("id")
                    .toString();
        }

        @Test
        void aDeactivatedAgentsOpenSessionEndsAtOnce() {
            StaffUser ann = staff("ann@example.com", Role.AGENT);
            PageSession session = logIn("ann@example.com");
            assertThat(session.get("/tickets").uri().getPath()).isEqualTo("/tickets");

            deactivate(ann);

            assertEnded(session.get("/tickets"));
        }

        @Test
        void aDeactivatedAgentsSessionAddsNoInternalNote() {
            StaffUser ann = staff("ann@example.com", Role.AGENT);
            String ticket = ticket();
            PageSession session = logIn("ann@example.com");
            session.get("/tickets/" + ticket);

            deactivate(ann);

            assertEnded(session.post(
                    "/tickets/" + ticket + "/replies", Map.of("body", "Still here", "visibility", "internal")));
            assertThat(count("SELECT COUNT(*) FROM ticket_replies")).isZero();
        }

        @Test
        void aDeactivatedAgentsSessionMintsNoApiToken() {
            StaffUser ann = staff("ann@example.com", Role.AGENT);
            PageSession session = logIn("ann@example.com");
            session.get("/account/tokens");

            deactivate(ann);

            assertEnded(session.post("/account/tokens", Map.of("name", "backdoor")));
            assertThat(count("SELECT COUNT(*) FROM api_tokens")).isZero();
        }

        /**
         * The reported "re-activated itself": the old session still carried the admin role, and
         * nothing stopped an admin from switching their own account back on.
         */
        @Test
        void aDeactivatedAdminsOldSessionCannotSwitchTheAccountBackOn() {
            StaffUser bea = staff("bea@example.com", Role.ADMIN);
            PageSession session = logIn("bea@example.com");
            session.get("/admin/users");

            deactivate(bea);

            assertEnded(session.post("/admin/users/" + bea.id() + "/active", Map.of("active", "true")));
            assertThat(users.get(bea.id()).active()).isFalse();
        }

        @Test
        void aRoleChangeEndsTheSession() {
            StaffUser bea = staff("bea@example.com", Role.ADMIN);
            PageSession session = logIn("bea@example.com");
            assertThat(session.get("/admin/users").uri().getPath()).isEqualTo("/admin/users");

            admin().put()
                    .uri("/api/users/" + bea.id() + "/role")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"role\":\"agent\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();

            assertEnded(session.get("/admin/users"));
        }

        @Test
        void aNewPasswordFromTheAdminEndsTheSession() {
            StaffUser ann = staff("ann@example.com", Role.AGENT);
            PageSession session = logIn("ann@example.com");

            admin().put()
                    .uri("/api/users/" + ann.id() + "/password")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"password\":\"" + NEW_PASSWORD + "\"}")
                    .exchange()
                    .expectStatus()
                    .isNoContent();

            assertEnded(session.get("/tickets"));
        }

        @Test
        void changingTheOwnPasswordEndsTheOtherSessionsButNotThisOne() {
            staff("ann@example.com", Role.AGENT);
            PageSession laptop = logIn("ann@example.com");
            PageSession phone = logIn("ann@example.com");
            laptop.get("/account/password");

            var changed = laptop.post(
                    "/account/password",
                    Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

            assertThat(changed.body()).contains("Your password is changed");
            assertThat(laptop.get("/tickets").uri().getPath()).isEqualTo("/tickets");
            assertEnded(phone.get("/tickets"));
        }

        @Test
        void anHtmxRequestOfAnEndedSessionIsSentToTheLoginPage() {
            StaffUser ann = staff("ann@example.com", Role.AGENT);
            PageSession session = logIn("ann@example.com");

            deactivate(ann);

            var response = session.get("/tickets/list", Map.of("HX-Request", "true"));
            assertThat(response.headers().firstValue("HX-Redirect")).contains("/login?ended");
        }
    }
}
