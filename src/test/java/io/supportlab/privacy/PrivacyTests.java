package io.supportlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A customer's data: exported whole, erased everywhere, statistics intact, audited without the address. */
class PrivacyTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        static final String ALICE = "alice@example.com";
        static final String BOB = "bob@example.com";

        @Autowired
        JsonMapper json;

        @Autowired
        AuditLog auditLog;

        @Autowired
        SqlDialect dialect;

        @Test
        void exportHoldsTicketsRepliesHistoryEmailsPreferencesAndExperimentData() {
            String experiment = customerWithEverything(ALICE);
            long exports = audit("privacy.exported", auditLog.subject(ALICE));
            var result = admin().get()
                    .uri("/api/privacy/export?email=Alice@Example.com")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value(
                            HttpHeaders.CONTENT_DISPOSITION,
                            v -> assertThat(v).startsWith("attachment").contains("supportlab-export-"))
                    .expectBody(String.class)
                    .returnResult();
            JsonNode export = json.readTree(result.getResponseBody());
            assertThat(export.get("email").asString()).isEqualTo(ALICE);
            JsonNode ticket = export.at("/data/tickets/0");
            assertThat(ticket.at("/ticket/title").asString()).isEqualTo("Alice's printer");
            assertThat(ticket.at("/replies/0/body").asString()).isEqualTo("Try turning it off and on");
            assertThat(ticket.at("/history/0/new_status").asString()).isEqualTo("new");
            assertThat(export.at("/data/communication/notifications/0/notification_type")
                            .asString())
                    .isEqualTo("ticket_created");
            assertThat(export.at("/data/communication/preferences/preferred_language")
                            .asString())
                    .isEqualTo("de");
            assertThat(export.at("/data/experiments/assignments/0/experiment").asString())
                    .isEqualTo(experiment);
            assertThat(export.at("/data/experiments/events/0/event_name").asString())
                    .isEqualTo("clicks");
            assertThat(audit("privacy.exported", auditLog.subject(ALICE))).isEqualTo(exports + 1);
        }

        @Test
        void erasureRemovesTheAddressEverywhereButKeepsTheNumbers() {
            String experiment = customerWithEverything(ALICE);
            customerWithEverything(BOB);
            long tickets = count("tickets");
            long assignments = count("ab_test_assignments");
            long events = count("ab_test_events");
            long erasures = audit("privacy.erased", auditLog.subject(ALICE));

            JsonNode report = json.readTree(admin().post()
                    .uri("/api/privacy/erase")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"" + ALICE + "\"}")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody());
            assertThat(report.at("/counts/tickets_anonymised").asInt()).isEqualTo(1);
            assertThat(report.at("/counts/notifications_deleted").asInt()).isPositive();
            assertThat(report.at("/counts/preferences_deleted").asInt()).isEqualTo(1);
            assertThat(report.at("/counts/assignments_pseudonymised").asInt()).isEqualTo(1);
            assertThat(report.at("/counts/events_pseudonymised").asInt()).isEqualTo(1);

            assertThat(mentions("alice")).isZero();
            assertThat(mentions("Alice")).isZero();
            assertThat(mentions("bob@example.com")).isPositive();
            assertThat(count("tickets")).isEqualTo(tickets);
            assertThat(count("ab_test_assignments")).isEqualTo(assignments);
            assertThat(count("ab_test_events")).isEqualTo(events);
            admin().get()
                    .uri("/api/ab-tests/" + experiment + "/results")
                    .exchange()
                    .expectStatus()
                    .isOk();
            assertThat(audit("privacy.erased", auditLog.subject(ALICE))).isEqualTo(erasures + 1);

            JsonNode after = json.readTree(admin().get()
                    .uri("/api/privacy/export?email=" + ALICE)
                    .exchange()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody());
            assertThat(after.at("/data/tickets").size()).isZero();
            assertThat(after.at("/data/experiments/events").size()).isZero();
        }

        @Test
        void adminPageDownloadsAndErasesAfterConfirmation() {
            customerWithEverything(ALICE);
            PageSession page = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(page.get("/admin/privacy").body()).contains("Download export", "Erase this customer");
            var download = page.get("/admin/privacy/export?email=" + ALICE);
            assertThat(download.headers().firstValue(HttpHeaders.CONTENT_DISPOSITION))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
            assertThat(download.body()).contains("Alice's printer");

            var unconfirmed = page.post("/admin/privacy/erase", java.util.Map.of("email", ALICE, "confirm", BOB));
            assertThat(unconfirmed.body()).contains("Type the same address again");
            assertThat(mentions("alice")).isPositive();

            long erasures = audit("privacy.erased", auditLog.subject(ALICE));
            var erased = page.post("/admin/privacy/erase", java.util.Map.of("email", ALICE, "confirm", ALICE));
            assertThat(erased.body()).contains("Erased.", "tickets anonymised: 1");
            assertThat(mentions("alice")).isZero();
            assertThat(audit("privacy.erased", auditLog.subject(ALICE))).isEqualTo(erasures + 1);
        }

        @Test
        void onlyAdminsMayExportOrErase() {
            admin().post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"agent@example.com\",\"display_name\":\"Agent\",\"password\":\"agent-password\","
                            + "\"role\":\"agent\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            withBasicAuth("agent@example.com", "agent-password")
                    .get()
                    .uri("/api/privacy/export?email=" + ALICE)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            anonymous()
                    .post()
                    .uri("/api/privacy/erase")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"" + ALICE + "\"}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            admin().get()
                    .uri("/api/privacy/export?email=not-an-address")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }

        @Test
        void auditLogListsStaffActionsAndRefusesChanges() {
            customerWithEverything(ALICE);
            admin().get()
                    .uri("/api/audit?action=experiment.&actor=" + ADMIN_EMAIL)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[0].action")
                    .isEqualTo("experiment.status_changed")
                    .jsonPath("$[0].details")
                    .isEqualTo("draft → running")
                    .jsonPath("$[0].address")
                    .isNotEmpty()
                    .jsonPath("$[1].action")
                    .isEqualTo("experiment.created");
            admin().get()
                    .uri("/api/audit?action=DROP TABLE")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.sql("UPDATE audit_log SET actor = 'someone-else'")
                                    .update())
                    .hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.sql("DELETE FROM audit_log").update())
                    .hasMessageContaining("append-only");
        }

        @Test
        void aFailedLoginUnderACustomersAddressIsAuditedUnderItsKeyedHash() {
            String email = unique("carol");
            withBasicAuth(email, "a-guess")
                    .get()
                    .uri("/api/tickets")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();

            assertThat(mentions("carol")).isZero();
            String subject = auditLog.subject(" " + email.toUpperCase(java.util.Locale.ROOT) + " ");
            assertThat(subject).matches("hmac:[0-9a-f]{64}").isNotEqualTo(legacySubject(email));
            admin().get()
                    .uri("/api/audit?subject={s}", email.toUpperCase(java.util.Locale.ROOT))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[0].action")
                    .isEqualTo("login.failed")
                    .jsonPath("$[0].actor")
                    .isEqualTo("anonymous")
                    .jsonPath("$[0].target")
                    .isEqualTo(subject);
        }

        @Test
        void erasureRedactsTheAddressFromSearchesLoggedBeforeAddressesWereScrubbed() {
            Erasures.logSearchAsEarlierVersions(jdbc, dialect, "where is my refund? i am ALICE@example.com");
            Erasures.logSearchAsEarlierVersions(jdbc, dialect, "refund for bob@example.com");

            JsonNode report = erase(ALICE);

            assertThat(report.at("/counts/searches_redacted").asInt()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT query FROM faq_search_log ORDER BY query")
                            .query(String.class)
                            .list())
                    .containsExactly("refund for bob@example.com", "where is my refund? i am [erased]");
        }

        @Test
        void adminCanCheckWhetherAnAddressWasErased() {
            String dave = unique("dave");
            customerWithEverything(dave);
            assertThat(erasureCheck(dave).get("erased").asBoolean()).isFalse();

            JsonNode report = erase(dave);

            JsonNode check = erasureCheck(dave.toUpperCase(java.util.Locale.ROOT));
            assertThat(check.get("erased").asBoolean()).isTrue();
            assertThat(check.at("/erasures/0/subject").asString())
                    .isEqualTo(report.get("subject").asString());
            assertThat(check.at("/erasures/0/erased_by").asString()).isEqualTo(ADMIN_EMAIL);
            PageSession page = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(page.get("/admin/privacy/erasures?email=" + dave).body())
                    .contains("Erased:", "by " + ADMIN_EMAIL);
            assertThat(page.get("/admin/privacy/erasures?email=" + unique("erin"))
                            .body())
                    .contains("No erasure of this address is recorded.");
        }

        @Test
        void erasuresRecordedUnderThePlainHashOfEarlierVersionsAreStillFound() {
            String frank = unique("frank");
            jdbc.sql("""
                            INSERT INTO audit_log (id, created_at, actor, action, target, details)
                            VALUES (:id, :at, 'admin@old.example', 'privacy.erased', :target, '{}')
                            """)
                    .param("id", java.util.UUID.randomUUID().toString())
                    .param("at", dialect.timestamp(java.time.Instant.parse("2024-06-01T10:00:00Z")))
                    .param("target", legacySubject(frank))
                    .update();
            JsonNode check = erasureCheck(frank);
            assertThat(check.get("erased").asBoolean()).isTrue();
            assertThat(check.at("/erasures/0/erased_by").asString()).isEqualTo("admin@old.example");
        }

        JsonNode erase(String email) {
            return json.readTree(Erasures.erase(admin(), email));
        }

        JsonNode erasureCheck(String email) {
            return json.readTree(admin().get()
                    .uri("/api/privacy/erasures?email={e}", email)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody());
        }

        /** An address no other test uses: the audit log keeps every test's entries. */
        static String unique(String name) {
            return name + "." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        }

        /** The {@code sha256:} subject under which versions before the keyed hash recorded erasures. */
        static String legacySubject(String email) {
            try {
                return "sha256:"
                        + java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A ticket with a staff reply, preferences, and an assignment and event in a running experiment. */
        String customerWithEverything(String email) {
            String name = email.substring(0, 1).toUpperCase() + email.substring(1, email.indexOf('@'));
            String ticket = api(anonymous())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"" + name + "'s printer\",\"description\":\"Mine, " + email
                                    + ", is broken\",\"contact_email\":\"" + email + "\"}",
                            201)
                    .get("id")
                    .asString();
            post(admin(), "/api/tickets/" + ticket + "/replies", "{\"body\":\"Try turning it off and on\"}");
            post(admin(), "/api/preferences", "{\"email\":\"" + email + "\",\"preferred_language\":\"de\"}");
            String key = "exp-" + Integer.toHexString(email.hashCode()); // names nothing personal
            post(
                    admin(),
                    "/api/ab-tests",
                    "{\"name\":\"E\",\"key\":\"" + key + "\",\"control_variant\":\"a\",\"test_variant\":\"b\","
                            + "\"target_metric\":\"clicks\"}");
            admin().put()
                    .uri("/api/ab-tests/" + key + "/status")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"running\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();
            String user = name + email.substring(email.indexOf('@')); // as a page might send it: mixed case
            post(anonymous(), "/api/ab-tests/" + key + "/assign", "{\"user_identifier\":\"" + user + "\"}");
            post(
                    anonymous(),
                    "/api/ab-tests/" + key + "/events",
                    "{\"user_identifier\":\"" + user + "\",\"event_name\":\"clicks\",\"event_data\":{\"email\":\""
                            + email + "\"}}");
            return key;
        }

        void post(RestTestClient client, String uri, String body) {
            client.post()
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .expectStatus()
                    .is2xxSuccessful();
        }

        long count(String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }

        /** Rows anywhere in the customer's tables whose text mentions {@code text}. */
        long mentions(String text) {
            String like = "%" + text + "%";
            return jdbc.sql("""
                            SELECT (SELECT COUNT(*) FROM tickets WHERE contact_email LIKE :t OR title LIKE :t
                                        OR description LIKE :t)
                                 + (SELECT COUNT(*) FROM ticket_replies WHERE body LIKE :t OR author LIKE :t)
                                 + (SELECT COUNT(*) FROM ticket_status_history WHERE changed_by LIKE :t
                                        OR notes LIKE :t)
                                 + (SELECT COUNT(*) FROM notifications WHERE recipient_email LIKE :t
                                        OR content LIKE :t)
                                 + (SELECT COUNT(*) FROM user_preferences WHERE email LIKE :t)
                                 + (SELECT COUNT(*) FROM ab_test_assignments WHERE user_identifier LIKE :t)
                                 + (SELECT COUNT(*) FROM ab_test_events WHERE user_identifier LIKE :t
                                        OR event_data LIKE :t)
                                 + (SELECT COUNT(*) FROM audit_log WHERE actor LIKE :t OR target LIKE :t
                                        OR details LIKE :t)
                                 + (SELECT COUNT(*) FROM faq_search_log WHERE query LIKE :t)
                                 + (SELECT COUNT(*) FROM access_link_requests WHERE email LIKE :t)
                            """).param("t", like).query(Long.class).single();
        }

        long audit(String action, String target) {
            return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :action AND target = :target")
                    .param("action", action)
                    .param("target", target)
                    .query(Long.class)
                    .single();
        }
    }
}
