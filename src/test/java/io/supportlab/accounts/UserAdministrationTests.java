package io.supportlab.accounts;

import static io.supportlab.accounts.StaffFixtures.NEW_PASSWORD;
import static io.supportlab.accounts.StaffFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What admins do to staff accounts (roles, new passwords) and what staff do to their own (change
 * their password), through the API; password strength everywhere. On SQLite and on PostgreSQL.
 */
class UserAdministrationTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        UserService users;

        StaffUser agent(String email) {
            return StaffFixtures.staff(users, email, Role.AGENT);
        }

        String adminId() {
            return users.list().stream()
                    .filter(u -> u.email().equals(ADMIN_EMAIL))
                    .findFirst()
                    .orElseThrow()
                    .id();
        }

        RestTestClient.ResponseSpec createUser(String email, String password) {
            return admin().post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"" + email + "\",\"display_name\":\"Maria Gonzalez\",\"password\":\"" + password
                            + "\",\"role\":\"agent\"}")
                    .exchange();
        }

        RestTestClient.ResponseSpec put(RestTestClient client, String path, String json) {
            return client.put()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json)
                    .exchange();
        }

        /** Ann changes her own password. */
        RestTestClient.ResponseSpec changeOwnPassword(String current, String replacement) {
            return put(
                    withBasicAuth("ann@example.com", PASSWORD),
                    "/api/account/password",
                    "{\"current_password\":\"" + current + "\",\"new_password\":\"" + replacement + "\"}");
        }

        record Problem(List<FieldError> errors) {}

        /** Asserts a 400 whose first error names {@code field}; answers that error's message. */
        static String rejected(RestTestClient.ResponseSpec response, String field) {
            Problem problem = response.expectStatus()
                    .isBadRequest()
                    .expectBody(Problem.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(problem).isNotNull();
            assertThat(problem.errors()).first().extracting(FieldError::field).isEqualTo(field);
            return problem.errors().getFirst().message();
        }

        long users() {
            return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
        }

        long audited(String action, String target) {
            return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :action AND target = :target")
                    .param("action", action)
                    .param("target", target)
                    .query(Long.class)
                    .single();
        }

        void canAuthenticate(String email, String password, boolean expected) {
            int status = withBasicAuth(email, password)
                    .get()
                    .uri("/api/tickets")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            assertThat(status).as("%s with %s", email, password).isEqualTo(expected ? 200 : 401);
        }

        @Test
        void rejectsARepeatedLetterWithTheEstimatorsAdvice() {
            assertThat(rejected(createUser("maria@example.com", "aaaaaaaaaaaa"), "password"))
                    .startsWith("is too easy to guess.");
            assertThat(users()).isEqualTo(1);
        }

        @Test
        void rejectsTenSpaces() {
            rejected(createUser("maria@example.com", " ".repeat(10)), "password");
            assertThat(users()).isEqualTo(1);
        }

        @Test
        void rejectsAPasswordMadeOfThePersonsOwnName() {
            rejected(createUser("maria.gonzalez@example.com", "maria.gonzalez"), "password");
            assertThat(users()).isEqualTo(1);
        }

        @Test
        void rejectsAPasswordTooLongForTheHashInsteadOfFailing() {
            assertThat(rejected(createUser("maria@example.com", "ä".repeat(40)), "password"))
                    .contains("72 bytes");
        }

        @Test
        void acceptsSeveralUncommonWords() {
            createUser("maria@example.com", "kestrel-quiet-harbor-41")
                    .expectStatus()
                    .isCreated();
        }

        @Test
        void adminPromotesAnAgentWhoseRoleAppliesAtOnce() {
            StaffUser ann = agent("ann@example.com");
            RestTestClient annApi = withBasicAuth("ann@example.com", PASSWORD);
            annApi.get().uri("/api/users").exchange().expectStatus().isForbidden();
            long audits = audited("user.role_changed", "ann@example.com");

            put(admin(), "/api/users/" + ann.id() + "/role", "{\"role\":\"admin\"}")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.role")
                    .isEqualTo("admin");

            annApi.get().uri("/api/users").exchange().expectStatus().isOk();
            assertThat(audited("user.role_changed", "ann@example.com")).isEqualTo(audits + 1);
        }

        @Test
        void nobodyChangesTheirOwnRole() {
            put(admin(), "/api/users/" + adminId() + "/role", "{\"role\":\"agent\"}")
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("You cannot change your own role");
        }

        @Test
        void theLastActiveAdminKeepsTheRole() {
            assertThatThrownBy(() -> users.changeRole(adminId(), Role.AGENT, "someone-else@example.com"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("last active admin");
        }

        @Test
        void agentsChangeNobodysRoleOrPassword() {
            StaffUser ann = agent("ann@example.com");
            agent("bob@example.com");
            RestTestClient bob = withBasicAuth("bob@example.com", PASSWORD);
            put(bob, "/api/users/" + ann.id() + "/role", "{\"role\":\"admin\"}")
                    .expectStatus()
                    .isForbidden();
            put(bob, "/api/users/" + ann.id() + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}")
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void adminSetsANewPasswordForAnAgent() {
            StaffUser ann = agent("ann@example.com");
            long audits = audited("user.password_reset", "ann@example.com");
            put(admin(), "/api/users/" + ann.id() + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}")
                    .expectStatus()
                    .isNoContent();
            canAuthenticate("ann@example.com", PASSWORD, false);
            canAuthenticate("ann@example.com", NEW_PASSWORD, true);
            assertThat(audited("user.password_reset", "ann@example.com")).isEqualTo(audits + 1);
        }

        @Test
        void aNewPasswordFromTheAdminMustBeStrongToo() {
            StaffUser ann = agent("ann@example.com");
            assertThat(rejected(
                            put(admin(), "/api/users/" + ann.id() + "/password", "{\"password\":\"Password123!\"}"),
                            "password"))
                    .contains("commonly used password");
            canAuthenticate("ann@example.com", PASSWORD, true);
        }

        @Test
        void adminsChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
            put(admin(), "/api/users/" + adminId() + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}")
                    .expectStatus()
                    .isEqualTo(409);
            canAuthenticate(ADMIN_EMAIL, ADMIN_PASSWORD, true);
        }

        @Test
        void staffChangeTheirOwnPasswordWithTheCurrentOne() {
            agent("ann@example.com");
            long audits = audited("user.password_changed", "ann@example.com");
            changeOwnPassword(PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();
            canAuthenticate("ann@example.com", NEW_PASSWORD, true);
            canAuthenticate("ann@example.com", PASSWORD, false);
            assertThat(audited("user.password_changed", "ann@example.com")).isEqualTo(audits + 1);
        }

        @Test
        void aWrongCurrentPasswordChangesNothing() {
            agent("ann@example.com");
            rejected(changeOwnPassword("not-my-password", NEW_PASSWORD), "current_password");
            canAuthenticate("ann@example.com", PASSWORD, true);
        }

        @Test
        void anOwnNewPasswordMustBeStrong() {
            agent("ann@example.com");
            rejected(changeOwnPassword(PASSWORD, "aaaaaaaaaaaa"), "new_password");
            canAuthenticate("ann@example.com", PASSWORD, true);
        }
    }
}
