package io.supportlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.problems.ConflictException;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Staff accounts and API tokens, on SQLite and on PostgreSQL. */
class AccountsTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        UserService users;

        @Autowired
        ApiTokenService tokens;

        StaffUser agent(String email) {
            return users.create(new NewStaffUser(email, "Agent " + email, "agent-password", Role.AGENT), ADMIN_EMAIL);
        }

        @Test
        void firstAdminExistsWithTheConfiguredPassword() {
            admin().get()
                    .uri("/api/users")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[0].email")
                    .isEqualTo(ADMIN_EMAIL)
                    .jsonPath("$[0].role")
                    .isEqualTo("admin")
                    .jsonPath("$[0].password_hash")
                    .doesNotExist();
        }

        @Test
        void adminCreatesAgentWhoCanAuthenticate() {
            admin().post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                            "{\"email\":\"Ann@Example.COM\",\"display_name\":\"Ann\",\"password\":\"ann-password-1\",\"role\":\"agent\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.email")
                    .isEqualTo("ann@example.com")
                    .jsonPath("$.active")
                    .isEqualTo(true);
            withBasicAuth("ann@example.com", "ann-password-1")
                    .get()
                    .uri("/api/no-such-endpoint")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        @Test
        void storesOnlyPasswordHashes() {
            agent("hash@example.com");
            String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = 'hash@example.com'")
                    .query(String.class)
                    .single();
            assertThat(hash).startsWith("{bcrypt}").doesNotContain("agent-password");
        }

        @Test
        void rejectsDuplicateEmailIgnoringCase() {
            agent("dup@example.com");
            assertThatThrownBy(() -> agent("DUP@example.com")).isInstanceOf(ConflictException.class);
        }

        @Test
        void agentIsForbiddenFromAdminEndpoints() {
            agent("plain@example.com");
            withBasicAuth("plain@example.com", "agent-password")
                    .get()
                    .uri("/api/users")
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/forbidden");
        }

        @Test
        void deactivatedUserCannotAuthenticate() {
            StaffUser gone = agent("gone@example.com");
            users.setActive(gone.id(), false, ADMIN_EMAIL);
            withBasicAuth("gone@example.com", "agent-password")
                    .get()
                    .uri("/api/users")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("This account is deactivated");
        }

        @Test
        void nobodyDeactivatesThemselves() {
            StaffUser self = agent("self@example.com");
            assertThatThrownBy(() -> users.setActive(self.id(), false, "self@example.com"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("your own account");
        }

        @Test
        void lastActiveAdminStays() {
            StaffUser admin = users.list().getFirst();
            assertThatThrownBy(() -> users.setActive(admin.id(), false, "someone-else@example.com"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("last active admin");
        }

        @Test
        void apiTokenAuthenticatesAsItsOwner() {
            ApiTokenService.Created created = tokens.create(ADMIN_EMAIL, "script");
            withBearer(created.secret())
                    .get()
                    .uri("/api/users")
                    .exchange()
                    .expectStatus()
                    .isOk();
            String stored = jdbc.sql("SELECT token_hash FROM api_tokens WHERE id = :id")
                    .param("id", created.token().id())
                    .query(String.class)
                    .single();
            assertThat(stored).isEqualTo(ApiTokenService.hash(created.secret())).doesNotContain(created.secret());
        }

        @Test
        void agentTokenCarriesTheAgentRole() {
            agent("tokenagent@example.com");
            ApiTokenService.Created created = tokens.create("tokenagent@example.com", "ci");
            withBearer(created.secret())
                    .get()
                    .uri("/api/users")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void revokedTokenIsRejected() {
            ApiTokenService.Created created = tokens.create(ADMIN_EMAIL, "old");
            tokens.revoke(ADMIN_EMAIL, created.token().id());
            withBearer(created.secret())
                    .get()
                    .uri("/api/users")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("The API token is invalid or revoked");
        }

        @Test
        void tokenOfDeactivatedUserIsRejected() {
            StaffUser leaver = agent("leaver@example.com");
            ApiTokenService.Created created = tokens.create("leaver@example.com", "laptop");
            users.setActive(leaver.id(), false, ADMIN_EMAIL);
            withBearer(created.secret())
                    .get()
                    .uri("/api/no-such-endpoint")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        void madeUpTokenIsRejected() {
            withBearer("slt_made-up")
                    .get()
                    .uri("/api/users")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        /** Many concurrent write transactions: on SQLite this fails with "database is locked" unless WAL + BEGIN IMMEDIATE + busy timeout work together. */
        @Test
        void concurrentWritesAllCommit() throws Exception {
            int writes = 200;
            List<Future<ApiTokenService.Created>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < writes; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> tokens.create(ADMIN_EMAIL, "token-" + n)));
                }
            }
            for (Future<ApiTokenService.Created> future : futures) {
                assertThat(future.get().secret()).startsWith("slt_");
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM api_tokens")
                            .query(Long.class)
                            .single())
                    .isEqualTo(writes);
        }
    }
}
