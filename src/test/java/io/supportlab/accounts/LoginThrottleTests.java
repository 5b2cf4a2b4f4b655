package io.supportlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.SupportLabProperties;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.MutableClock;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Password guessing: per account name and client address, progressive delays then a lockout; per
 * address, a lockout; per account name, a bounded slowdown that never refuses its owner.
 */
class LoginThrottleTests {

    /** The rules on their own, with counts in memory and a clock the test moves. */
    @Nested
    class Rules implements ThrottleRules {

        final MutableClock clock = new MutableClock();

        @Override
        public MutableClock clock() {
            return clock;
        }

        @Override
        public LoginThrottle throttle(SupportLabProperties properties) {
            return new LoginThrottle(
                    properties,
                    clock,
                    new LocalFailureCounts(properties.rateLimits().login().lockout(), clock));
        }
    }

    @Nested
    class OverHttp {

        @Nested
        class OnSqlite extends OverHttpContract {}

        @Nested
        @UsePostgres
        class OnPostgres extends OverHttpContract {}
    }

    @TestPropertySource(
            properties = {
                "supportlab.rate-limits.login.free-failures=3",
                "supportlab.rate-limits.login.lockout-failures=3",
                "supportlab.rate-limits.login.address-lockout-failures=6",
                "supportlab.rate-limits.login.lockout=15m",
                "supportlab.rate-limits.login.max-account-delay=300ms"
            })
    abstract static class OverHttpContract extends IntegrationTest {

        static final String PASSWORD = "agent-password";

        @org.springframework.beans.factory.annotation.Autowired
        UserService users;

        @org.springframework.beans.factory.annotation.Autowired
        io.supportlab.audit.AuditLog audit;

        @Test
        void lockoutBitesTheGuessingAddressNotTheAccountsOwner() {
            createAgent("locked@example.com");
            RestTestClient wrong = basic("locked@example.com", "wrong-password", "192.0.2.10");
            for (int i = 0; i < 3; i++) {
                call(wrong).expectStatus().isUnauthorized();
            }
            call(basic("locked@example.com", PASSWORD, "192.0.2.10"))
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader()
                    .value(
                            HttpHeaders.RETRY_AFTER,
                            v -> assertThat(Long.parseLong(v)).isBetween(890L, 900L))
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/too-many-requests");
            call(basic("locked@example.com", PASSWORD, "192.0.2.11"))
                    .expectStatus()
                    .isOk();
            assertThat(audited("login.locked", "locked@example.com")).isEqualTo(1);
        }

        @Test
        void guessingFromManyAddressesOnlySlowsTheOwnerDown() {
            createAgent("target@example.com");
            for (int i = 0; i < 12; i++) {
                call(basic("target@example.com", "guess-" + i, "203.0.113." + i))
                        .expectStatus()
                        .isUnauthorized();
            }
            long started = System.nanoTime();
            call(basic("target@example.com", PASSWORD, "198.51.100.1"))
                    .expectStatus()
                    .isOk();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }

        @Test
        void unknownAndKnownAccountsAnswerAlike() {
            createAgent("known@example.com");
            List<String> known = attempts(basic("known@example.com", "wrong", "192.0.2.20"));
            List<String> unknown = attempts(basic("nobody-at-all@example.com", "wrong", "192.0.2.21"));
            assertThat(known).isEqualTo(unknown).containsExactly("401", "401", "401", "429", "429");
        }

        @Test
        void oneAddressSprayingManyAccountsIsLockedOut() {
            createAgent("sprayed@example.com");
            for (int i = 0; i < 6; i++) {
                call(basic("spray" + i + "@example.com", "guess", "192.0.2.30"))
                        .expectStatus()
                        .isUnauthorized();
            }
            call(basic(ADMIN_EMAIL, ADMIN_PASSWORD, "192.0.2.30"))
                    .expectStatus()
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            call(basic(ADMIN_EMAIL, ADMIN_PASSWORD, "192.0.2.31"))
                    .expectStatus()
                    .isOk();
        }

        @Test
        void theLoginFormSaysHowLongToWait() {
            createAgent("formuser@example.com");
            PageSession browser = new PageSession(baseUrl());
            browser.get("/login");
            for (int i = 0; i < 3; i++) {
                var failed = browser.post("/login", Map.of("username", "formuser@example.com", "password", "wrong"));
                assertThat(failed.body()).contains("Wrong email or password");
            }
            browser.get("/login");
            var locked = browser.post("/login", Map.of("username", "formuser@example.com", "password", PASSWORD));
            assertThat(locked.uri().getPath()).isEqualTo("/login");
            assertThat(locked.body()).contains("Too many failed logins. Please try again in 15 minutes.");
        }

        void createAgent(String email) {
            users.create(new NewStaffUser(email, "Agent", PASSWORD, Role.AGENT), ADMIN_EMAIL);
        }

        List<String> attempts(RestTestClient client) {
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(Integer.toString(
                        call(client).returnResult(String.class).getStatus().value()));
            }
            return statuses;
        }

        /** Entries about the account name tried, which the audit log keeps only as a keyed hash. */
        long audited(String action, String account) {
            return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :action AND target = :target")
                    .param("action", action)
                    .param("target", audit.subject(account))
                    .query(Long.class)
                    .single();
        }

        RestTestClient.ResponseSpec call(RestTestClient client) {
            return client.get().uri("/api/tickets").exchange();
        }

        RestTestClient basic(String email, String password, String address) {
            String credentials =
                    Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
            return RestTestClient.bindToServer()
                    .baseUrl(baseUrl())
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                    .defaultHeader("X-Forwarded-For", address)
                    .build();
        }
    }

    static SupportLabProperties properties(
            int free, int lockoutAfter, int addressLockoutAfter, Duration lockout, Duration maxAccountDelay) {
        return new SupportLabProperties(
                java.nio.file.Path.of("."),
                java.net.URI.create("http://localhost"),
                new SupportLabProperties.Http(
                        org.springframework.util.unit.DataSize.ofMegabytes(2),
                        org.springframework.util.unit.DataSize.ofKilobytes(32),
                        32,
                        100_000,
                        List.of()),
                new SupportLabProperties.RateLimits(
                        true,
                        new SupportLabProperties.Login(
                                free, lockoutAfter, addressLockoutAfter, lockout, maxAccountDelay)));
    }
}
