package io.supportlab.notifications;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The seed's preference endpoints, on both databases. */
class PreferenceApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        CustomerAccess customerAccess;

        @Test
        void unknownAddressGetsTheDefaults() {
            // Exactly the seed's curl: the @ percent-encoded in the path.
            admin().get()
                    .uri(java.net.URI.create(baseUrl() + "/api/preferences/user%40example.com"))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.email")
                    .isEqualTo("user@example.com")
                    .jsonPath("$.email_notifications")
                    .isEqualTo(true)
                    .jsonPath("$.sms_notifications")
                    .isEqualTo(false)
                    .jsonPath("$.notification_frequency")
                    .isEqualTo("immediate")
                    .jsonPath("$.preferred_language")
                    .isEqualTo("en");
        }

        private RestTestClient.ResponseSpec saveAsAdmin(String json) {
            return admin().post()
                    .uri("/api/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json)
                    .exchange();
        }

        /** Tickets store an international domain in its ASCII form; preferences must be found under it. */
        @Test
        void anInternationalDomainIsTheSameAddressAsItsAsciiForm() {
            saveAsAdmin("{\"email\": \"Kunde@Bücher.example\", \"notification_frequency\": \"weekly\"}")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.email")
                    .isEqualTo("kunde@xn--bcher-kva.example");
            admin().get()
                    .uri("/api/preferences/kunde@xn--bcher-kva.example")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.notification_frequency")
                    .isEqualTo("weekly");
        }

        @Test
        void seedCurlCreatesThenUpdatesAndReadsBack() {
            admin().post()
                    .uri("/api/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"email": "user@example.com", "email_notifications": true, "sms_notifications": false,
                             "notification_frequency": "immediate", "preferred_language": "en"}""")
                    .exchange()
                    .expectStatus()
                    .isOk();
            admin().post()
                    .uri("/api/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                            "{\"email\": \"User@Example.com\", \"notification_frequency\": \"weekly\", \"preferred_language\": \"de\"}")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.notification_frequency")
                    .isEqualTo("weekly");
            admin().get()
                    .uri("/api/preferences/user@example.com")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.notification_frequency")
                    .isEqualTo("weekly")
                    .jsonPath("$.preferred_language")
                    .isEqualTo("de")
                    .jsonPath("$.email_notifications")
                    .isEqualTo(true)
                    .jsonPath("$.created_at")
                    .isNotEmpty();
            admin().get()
                    .uri("/api/preferences/stats/summary")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(1)
                    .jsonPath("$.email_enabled")
                    .isEqualTo(1)
                    .jsonPath("$.by_frequency.weekly")
                    .isEqualTo(1)
                    .jsonPath("$.by_language.de")
                    .isEqualTo(1);
        }

        @Test
        void rejectsBadEmailsFrequenciesAndLanguagesWithoutWriting() {
            admin().get()
                    .uri("/api/preferences/not-an-email")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("email");
            admin().post()
                    .uri("/api/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\": \"a@example.com\", \"notification_frequency\": \"hourly\"}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("'hourly' is not one of: immediate, daily, weekly, none");
            admin().post()
                    .uri("/api/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\": \"a@example.com\", \"preferred_language\": \"xx\"}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("preferred_language");
            admin().post()
                    .uri("/api/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\": \"broken\"}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
            admin().get()
                    .uri("/api/preferences/stats/summary")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(0);
        }

        @Test
        void customersManageOnlyTheirOwn() {
            var customer = withBearer(customerAccess.token("me@example.com"));
            customer.post()
                    .uri("/api/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\": \"me@example.com\", \"notification_frequency\": \"daily\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();
            customer.get()
                    .uri("/api/preferences/me@example.com")
                    .exchange()
                    .expectStatus()
                    .isOk();
            customer.get()
                    .uri("/api/preferences/you@example.com")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            customer.post()
                    .uri("/api/preferences")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\": \"you@example.com\", \"notification_frequency\": \"none\"}")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            customer.get()
                    .uri("/api/preferences/stats/summary")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            anonymous()
                    .get()
                    .uri("/api/preferences/me@example.com")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
    }
}
