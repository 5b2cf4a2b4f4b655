package io.supportlab.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import io.supportlab.tickets.AccessLinkRequests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Abuse limits on the public endpoints: per client, per group, with 429 and Retry-After. */
class RateLimitTests {

    static final String TICKET =
            "{\"title\":\"Printer\",\"description\":\"On fire\",\"contact_email\":\"a@example.com\"}";

    @Nested
    class BehindTrustedProxy {

        @Nested
        class OnSqlite extends BehindTrustedProxyContract {}

        @Nested
        @UsePostgres
        class OnPostgres extends BehindTrustedProxyContract {}
    }

    @TestPropertySource(
            properties = {
                "supportlab.rate-limits.ticket-creation.capacity=3",
                "supportlab.rate-limits.ticket-creation.period=1h",
                "supportlab.rate-limits.tracking.capacity=2",
                "supportlab.rate-limits.access-links.capacity=2",
                "supportlab.rate-limits.search.capacity=2",
                "supportlab.rate-limits.access-link-emails.capacity=1"
            })
    abstract static class BehindTrustedProxyContract extends IntegrationTest {

        @Autowired
        AccessLinkRequests accessLinks;

        @Test
        void refusesTicketsBeyondTheLimitWithProblemAndRetryAfter() {
            RestTestClient client = from("198.51.100.1");
            for (int i = 0; i < 3; i++) {
                postTicket(client).expectStatus().isCreated();
            }
            assertRefusedBy(postTicket(client), "ticket-creation");
            assertThat(count("tickets")).isEqualTo(3);
        }

        @Test
        void otherClientsContinueWhileOneIsLimited() {
            RestTestClient abuser = from("198.51.100.2");
            for (int i = 0; i < 10; i++) {
                postTicket(abuser);
            }
            postTicket(abuser).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            postTicket(from("198.51.100.3")).expectStatus().isCreated();
            assertThat(count("tickets")).isEqualTo(4);
        }

        @Test
        void aFloodGets429sWhileNormalTrafficContinues() throws Exception {
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<Integer> normal = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 200; i++) {
                    pool.submit(() -> {
                        if (postTicket(from("198.51.100.66"))
                                        .returnResult(String.class)
                                        .getStatus()
                                        .value()
                                == 429) {
                            refused.incrementAndGet();
                        }
                    });
                    if (i % 20 == 0) {
                        int client = i / 20;
                        pool.submit(() -> normal.add(postTicket(from("203.0.113." + client))
                                .returnResult(String.class)
                                .getStatus()
                                .value()));
                    }
                }
            }
            assertThat(refused.get()).isEqualTo(197);
            assertThat(normal).hasSize(10).containsOnly(201);
            assertThat(count("tickets")).isEqualTo(13);
        }

        @Test
        void aWholeIpv6Slash64CountsAsOneClient() {
            for (int i = 0; i < 3; i++) {
                postTicket(from("2001:db8:1:2::" + (i + 1))).expectStatus().isCreated();
            }
            postTicket(from("2001:db8:1:2:ffff::9")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            postTicket(from("2001:db8:1:3::1")).expectStatus().isCreated();
        }

        @Test
        void signedInStaffAreNotLimited() {
            RestTestClient client = from("198.51.100.4");
            for (int i = 0; i < 3; i++) {
                postTicket(client).expectStatus().isCreated();
            }
            postTicket(client).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            admin().post()
                    .uri("/api/tickets")
                    .header("X-Forwarded-For", "198.51.100.4")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(TICKET)
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }

        @Test
        void eachGroupHasItsOwnBucket() {
            RestTestClient client = from("198.51.100.5");
            for (int i = 0; i < 2; i++) {
                client.post()
                        .uri("/api/access-links")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"email\":\"x@example.com\"}")
                        .exchange()
                        .expectStatus()
                        .isAccepted();
            }
            client.post()
                    .uri("/api/access-links")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"x@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            client.get()
                    .uri("/api/faqs/suggestions?text=printer")
                    .exchange()
                    .expectStatus()
                    .isOk();
            postTicket(client).expectStatus().isCreated();
        }

        @Test
        void oneInboxGetsFewAccessLinksHoweverManyClientsAsk() {
            postTicket(from("198.51.100.8")).expectStatus().isCreated(); // a@example.com has a ticket
            for (int i = 0; i < 3; i++) {
                from("198.51.100." + (20 + i))
                        .post()
                        .uri("/api/access-links")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"email\":\"A@example.com\"}")
                        .exchange()
                        .expectStatus()
                        .isAccepted();
            }
            accessLinks.decideWaiting();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications WHERE notification_type = 'access_link'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }

        @Test
        void trackingAndSearchAreLimitedToo() {
            RestTestClient client = from("198.51.100.6");
            client.get()
                    .uri("/api/faqs?search=printer")
                    .exchange()
                    .expectStatus()
                    .isOk();
            client.get()
                    .uri("/help/suggestions?title=printer")
                    .exchange()
                    .expectStatus()
                    .isOk();
            client.get()
                    .uri("/api/faqs?search=printer")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            // Listing without a query is not a search.
            client.get().uri("/api/faqs").exchange().expectStatus().isOk();
            for (int i = 0; i < 2; i++) {
                client.post()
                        .uri("/api/ab/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"events\":[]}")
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
            client.post()
                    .uri("/api/ab/events")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"events\":[]}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }

        @Test
        void theFormGetsAPageSayingHowLongToWait() {
            RestTestClient client = from("198.51.100.7");
            for (int i = 0; i < 3; i++) {
                postTicket(client);
            }
            client.post()
                    .uri("/help/tickets")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.TEXT_HTML)
                    .body("title=a&description=b&contactEmail=a%40example.com")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class)
                    .value(html -> assertThat(html).contains("Too many requests from your address"));
        }

        RestTestClient from(String address) {
            return RateLimitTests.from(baseUrl(), address);
        }

        long count(String table) {
            return RateLimitTests.count(jdbc, table);
        }
    }

    /**
     * Tracking is limited by what it stores too: events and their bytes per client address, so a
     * client within its request limit still cannot fill the disk. A batch over the budget is refused
     * whole.
     */
    @Nested
    class TrackedEventBudgets {

        @Nested
        class OnSqlite extends TrackedEventBudgetsContract {}

        @Nested
        @UsePostgres
        class OnPostgres extends TrackedEventBudgetsContract {}
    }

    @TestPropertySource(
            properties = {
                "supportlab.rate-limits.tracked-events.capacity=5",
                "supportlab.rate-limits.tracked-events.period=1h",
                "supportlab.rate-limits.tracked-event-bytes.capacity=5000",
                "supportlab.rate-limits.tracked-event-bytes.period=1h"
            })
    abstract static class TrackedEventBudgetsContract extends IntegrationTest {

        @org.junit.jupiter.api.BeforeEach
        void aRunningExperimentWithAssignedUsers() {
            admin().post()
                    .uri("/api/ab-tests")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"Budget\",\"key\":\"budget\",\"target_metric\":\"go\","
                            + "\"control_variant\":\"a\",\"test_variant\":\"b\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            admin().put()
                    .uri("/api/ab-tests/budget/status")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"running\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();
            admin().post()
                    .uri("/api/ab/assign")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"user_identifier\":\"u\",\"experiments\":[\"budget\"]}")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        @Test
        void refusesABatchBeyondTheEventBudgetWholeWithProblemAndRetryAfter() {
            RestTestClient client = from("198.51.100.30");
            postEvents(client, 3, "")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(3);
            assertRefusedBy(postEvents(client, 3, ""), "tracked-events");
            assertThat(count("ab_test_events")).isEqualTo(3);
            postEvents(client, 2, "")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(2);
            postEvents(from("198.51.100.31"), 3, "").expectStatus().isOk();
            assertThat(count("ab_test_events")).isEqualTo(8);
        }

        @Test
        void singleEventsCountAgainstTheSameBudget() {
            RestTestClient client = from("198.51.100.32");
            postEvents(client, 5, "").expectStatus().isOk();
            client.post()
                    .uri("/api/ab-tests/budget/events")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"user_identifier\":\"u\",\"event_name\":\"go\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectBody()
                    .jsonPath("$.limit")
                    .isEqualTo("tracked-events");
            assertThat(count("ab_test_events")).isEqualTo(5);
        }

        @Test
        void refusesEventsBeyondTheByteBudget() {
            RestTestClient client = from("198.51.100.33");
            String data = "x".repeat(900);
            postEvents(client, 4, data)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(4);
            postEvents(client, 1, data)
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectBody()
                    .jsonPath("$.limit")
                    .isEqualTo("tracked-event-bytes");
            assertThat(count("ab_test_events")).isEqualTo(4);
            // The refused event's share of the event budget was given back: one small event still fits.
            postEvents(client, 1, "")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(1);
        }

        @Test
        void rejectedEventsCostNoBudget() {
            RestTestClient client = from("198.51.100.34");
            for (int i = 0; i < 3; i++) {
                client.post()
                        .uri("/api/ab/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"events\":[{\"experiment\":\"budget\",\"user_identifier\":\"stranger\","
                                + "\"event_name\":\"go\"},{\"experiment\":\"nope\",\"user_identifier\":\"u\","
                                + "\"event_name\":\"go\"}]}")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.rejected")
                        .isEqualTo(2);
            }
            postEvents(client, 5, "")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(5);
        }

        @Test
        void signedInStaffAreNotLimitedByTheBudgets() {
            postEvents(from("198.51.100.35"), 5, "").expectStatus().isOk();
            admin().post()
                    .uri("/api/ab/events")
                    .header("X-Forwarded-For", "198.51.100.35")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(events(3, ""))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(3);
        }

        RestTestClient.ResponseSpec postEvents(RestTestClient client, int n, String data) {
            return client.post()
                    .uri("/api/ab/events")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(events(n, data))
                    .exchange();
        }

        static String events(int n, String data) {
            StringBuilder body = new StringBuilder("{\"events\":[");
            for (int i = 0; i < n; i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"experiment\":\"budget\",\"user_identifier\":\"u\",\"event_name\":\"go\"")
                        .append(data.isEmpty() ? "" : ",\"event_data\":{\"note\":\"" + data + "\"}")
                        .append("}");
            }
            return body.append("]}").toString();
        }

        RestTestClient from(String address) {
            return RateLimitTests.from(baseUrl(), address);
        }

        long count(String table) {
            return RateLimitTests.count(jdbc, table);
        }
    }

    /** From an address that is not a configured proxy, X-Forwarded-For is ignored: it cannot dodge limits. */
    @Nested
    class FromUntrustedPeer {

        @Nested
        class OnSqlite extends FromUntrustedPeerContract {}

        @Nested
        @UsePostgres
        class OnPostgres extends FromUntrustedPeerContract {}
    }

    @TestPropertySource(
            properties = {
                "supportlab.rate-limits.ticket-creation.capacity=2",
                "supportlab.http.trusted-proxies=10.0.0.0/8"
            })
    abstract static class FromUntrustedPeerContract extends IntegrationTest {

        @Test
        void spoofedForwardedForDoesNotGetAFreshBucket() {
            for (int i = 0; i < 2; i++) {
                postTicket(spoofing("203.0.113." + i)).expectStatus().isCreated();
            }
            postTicket(spoofing("203.0.113.99")).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }

        RestTestClient spoofing(String address) {
            return RestTestClient.bindToServer()
                    .baseUrl(baseUrl())
                    .defaultHeader("X-Forwarded-For", address)
                    .build();
        }
    }

    /** A 429 problem naming {@code limit}, with Retry-After. */
    static void assertRefusedBy(RestTestClient.ResponseSpec response, String limit) {
        response.expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/too-many-requests")
                .jsonPath("$.limit")
                .isEqualTo(limit)
                .jsonPath("$.retry_after")
                .isNumber();
    }

    static RestTestClient from(String baseUrl, String address) {
        return RestTestClient.bindToServer()
                .baseUrl(baseUrl)
                .defaultHeader("X-Forwarded-For", address)
                .build();
    }

    static long count(org.springframework.jdbc.core.simple.JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static RestTestClient.ResponseSpec postTicket(RestTestClient client) {
        return client.post()
                .uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .body(TICKET)
                .exchange();
    }
}
