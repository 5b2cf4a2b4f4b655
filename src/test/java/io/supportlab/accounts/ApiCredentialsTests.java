package io.supportlab.accounts;

import static io.supportlab.accounts.StaffFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Which credentials the API takes from whom: no Basic challenge a browser would act on, no Basic
 * credentials on changes that another site's page requested, and health details for admins only.
 * On SQLite and on PostgreSQL.
 */
class ApiCredentialsTests {

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

        RestTestClient.ResponseSpec createAgent(RestTestClient client, String email, String... headers) {
            var request = client.post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"" + email + "\",\"display_name\":\"Agent\",\"password\":\"" + PASSWORD
                            + "\",\"role\":\"agent\"}");
            for (int i = 0; i < headers.length; i += 2) {
                request = request.header(headers[i], headers[i + 1]);
            }
            return request.exchange();
        }

        long users() {
            return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
        }

        static void challengedForABearerTokenOnly(RestTestClient.ResponseSpec response) {
            response.expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"SupportLab\"");
        }

        @Test
        void aMissingCredentialIsChallengedForABearerTokenOnly() {
            challengedForABearerTokenOnly(
                    anonymous().post().uri("/api/admin/backup").exchange());
        }

        @Test
        void aWrongPasswordIsChallengedForABearerTokenOnly() {
            challengedForABearerTokenOnly(withBasicAuth(ADMIN_EMAIL, "not-the-password")
                    .get()
                    .uri("/api/users")
                    .exchange());
        }

        @Test
        void basicCredentialsOnAChangeAnotherSitesPageRequestedAreRefused() {
            createAgent(admin(), "cross@example.com", "Sec-Fetch-Site", "cross-site")
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/forbidden");
            createAgent(admin(), "sibling@example.com", "Sec-Fetch-Site", "same-site")
                    .expectStatus()
                    .isForbidden();
            assertThat(users()).isEqualTo(1);
        }

        @Test
        void basicCredentialsWithAForeignOriginAreRefused() {
            createAgent(admin(), "origin@example.com", "Origin", "https://attacker.example")
                    .expectStatus()
                    .isForbidden();
            createAgent(admin(), "opaque@example.com", "Origin", "null")
                    .expectStatus()
                    .isForbidden();
            assertThat(users()).isEqualTo(1);
        }

        @Test
        void aCrossSiteBackupWithBasicCredentialsIsRefused() {
            admin().post()
                    .uri("/api/admin/backup")
                    .header("Sec-Fetch-Site", "cross-site")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void scriptsKeepUsingBasicCredentials() {
            createAgent(admin(), "script@example.com").expectStatus().isCreated();
            int backup = admin().post()
                    .uri("/api/admin/backup")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            // 201 on SQLite; 422 on PostgreSQL, which is backed up with pg_dump: authenticated either way.
            assertThat(backup).isIn(201, 422);
        }

        @Test
        void ourOwnPagesKeepUsingBasicCredentials() {
            createAgent(admin(), "swagger@example.com", "Sec-Fetch-Site", "same-origin")
                    .expectStatus()
                    .isCreated();
            createAgent(admin(), "typed@example.com", "Sec-Fetch-Site", "none")
                    .expectStatus()
                    .isCreated();
            createAgent(admin(), "old-browser@example.com", "Origin", baseUrl())
                    .expectStatus()
                    .isCreated();
        }

        @Test
        void anApiTokenWorksFromAnywhere() {
            String token = tokens.create(ADMIN_EMAIL, "dashboard").secret();
            createAgent(withBearer(token), "token@example.com", "Sec-Fetch-Site", "cross-site")
                    .expectStatus()
                    .isCreated();
        }

        @Test
        void onlyAdminsSeeHealthDetails() {
            StaffFixtures.staff(users, "agent@example.com", Role.AGENT);
            for (RestTestClient caller : List.of(anonymous(), withBasicAuth("agent@example.com", PASSWORD))) {
                caller.get()
                        .uri("/actuator/health")
                        .exchange()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("UP")
                        .jsonPath("$.components")
                        .doesNotExist();
            }
            admin().get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.components.db.status")
                    .isEqualTo("UP");
        }
    }
}
