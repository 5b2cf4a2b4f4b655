package io.supportlab.accounts;

import static io.supportlab.accounts.StaffFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.TwoInstances;
import io.supportlab.testing.UsePostgres;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.Session;

/**
 * On PostgreSQL a page session lives in the database, so two instances behind a load balancer
 * without sticky routing are one service: a login on either is valid on both, and a logout or an
 * ended account ends the session on both. Every request here changes instance to make sure.
 */
@UsePostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossInstancesTests {

    private TwoInstances cluster;

    @BeforeAll
    void start() {
        cluster = TwoInstances.start("sessions");
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    private String agent() {
        return newAgent().email();
    }

    private StaffUser newAgent() {
        return StaffFixtures.staff(
                cluster.bean(1, UserService.class), "agent-" + UUID.randomUUID() + "@example.com", Role.AGENT);
    }

    private long sessionsOf(String email) {
        return cluster.jdbc()
                .sql("SELECT count(*) FROM spring_session WHERE principal_name = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private long lastAccessOf(String email) {
        return cluster.jdbc()
                .sql("SELECT last_access_time FROM spring_session WHERE principal_name = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    private static void assertOnPage(HttpResponse<String> response, String path) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.uri().getPath()).isEqualTo(path);
    }

    /** Logs {@code email} in on instance 1 and answers the same browser talking to instance 2. */
    private PageSession onSecondAfterLoginOnFirst(String email) {
        PageSession onSecond =
                PageSession.staff(cluster.baseUrl(1), email, PASSWORD).at(cluster.baseUrl(2));
        assertOnPage(onSecond.get("/tickets"), "/tickets");
        return onSecond;
    }

    @Test
    void aLoginOnOneInstanceIsValidOnTheOther() {
        String email = agent();
        PageSession onSecond = onSecondAfterLoginOnFirst(email);

        long lastAccess = lastAccessOf(email);
        assertOnPage(onSecond.at(cluster.baseUrl(1)).get("/tickets"), "/tickets");
        assertThat(sessionsOf(email)).isOne();
        assertThat(lastAccessOf(email))
                .as("a request within a minute of the last does not write the session's row")
                .isEqualTo(lastAccess);
        assertThat(cluster.jdbc()
                        .sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .as("server.servlet.session.timeout, 8 hours")
                .isEqualTo(8 * 60 * 60);
    }

    @Test
    void theSessionCookieIsTheOneTheContainerWouldSet() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> login = http.send(
                    HttpRequest.newBuilder(URI.create(cluster.baseUrl(1) + "/login"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(login.headers().allValues("Set-Cookie"))
                    .singleElement(InstanceOfAssertFactories.STRING)
                    .startsWith("JSESSIONID=")
                    .contains("; Path=/")
                    .contains("; HttpOnly")
                    .contains("; SameSite=Lax")
                    .doesNotContain("Max-Age")
                    .doesNotContain("Expires");
        }
    }

    @Test
    void aLogoutOnOneInstanceEndsTheSessionOnTheOther() {
        String email = agent();
        PageSession onSecond = onSecondAfterLoginOnFirst(email);
        PageSession onFirst = onSecond.at(cluster.baseUrl(1));

        HttpResponse<String> loggedOut = onSecond.post("/logout", Map.of());
        assertThat(loggedOut.uri().getPath()).isEqualTo("/login");
        assertThat(loggedOut.uri().getQuery()).isEqualTo("logout");

        assertThat(sessionsOf(email)).isZero();
        assertThat(onFirst.get("/tickets").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void deactivatingTheAccountOnOneInstanceEndsItsSessionOnTheOther() {
        StaffUser agent = newAgent();
        String email = agent.email();
        PageSession onFirst = PageSession.staff(cluster.baseUrl(1), email, PASSWORD);
        assertOnPage(onFirst.get("/tickets"), "/tickets");

        cluster.bean(2, UserService.class).setActive(agent.id(), false, IntegrationTest.ADMIN_EMAIL);

        HttpResponse<String> ended = onFirst.get("/tickets");
        assertThat(ended.uri().getPath()).isEqualTo("/login");
        assertThat(ended.uri().getQuery()).isEqualTo("ended");
        assertThat(sessionsOf(email))
                .as("the ended session is deleted, not only refused")
                .isZero();
    }

    @Test
    void aCustomerSignedInThroughALinkOnOneInstanceSeesTheirTicketsOnTheOther() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        cluster.bean(1, TicketService.class)
                .create(new NewTicket("Printer on fire", "It smokes", TicketPriority.LOW, email), null);
        String token = cluster.bean(1, CustomerAccess.class).token(email);
        PageSession onFirst = new PageSession(cluster.baseUrl(1));

        assertOnPage(onFirst.get("/my/access?token=" + token), "/my/tickets");

        HttpResponse<String> onSecond = onFirst.at(cluster.baseUrl(2)).get("/my/tickets");
        assertOnPage(onSecond, "/my/tickets");
        assertThat(onSecond.body()).contains("Printer on fire");
    }

    @Test
    void whatARedirectCarriesInTheSessionSurvivesTheTripThroughTheDatabase() {
        String email = agent();
        PageSession onFirst = PageSession.staff(cluster.baseUrl(1), email, PASSWORD);
        onFirst.get("/account/tokens");

        // The created token's secret and the success message travel as flash attributes: serialized
        // into the session's row at the end of the POST, read back by the redirected GET.
        HttpResponse<String> created = onFirst.post("/account/tokens", Map.of("name", "across"));
        assertOnPage(created, "/account/tokens");
        assertThat(created.body()).contains("Created token").contains("id=\"token-secret\"");

        // A public form sent back with its errors: the form's state is a flash attribute too.
        PageSession visitor = new PageSession(cluster.baseUrl(2));
        visitor.get("/");
        HttpResponse<String> refused = visitor.post("/help/tickets", Map.of("title", "Kept title"));
        assertOnPage(refused, "/");
        assertThat(refused.body()).contains("Kept title");
    }

    /**
     * Spring Session's filter reads the session again after saving it; within one request that read
     * is answered from memory, and the next request reads the database again, so it gets what the
     * other instance changed in between, the security context included (each instance keeps it
     * deserialized by its exact bytes).
     */
    @Test
    void aSessionChangedOnOneInstanceIsReadFreshByTheOthersNextRequest() throws Exception {
        var first = cluster.bean(1, SharedSessionRepository.class);
        var second = cluster.bean(2, SharedSessionRepository.class);
        var created = first.createSession();
        created.setAttribute(SPRING_SECURITY_CONTEXT_KEY, signedIn("ann@example.com"));
        first.save(created);
        String id = created.getId();

        inOneRequest(() -> {
            var read = Objects.requireNonNull(second.findById(id));
            assertThat(nameIn(read)).isEqualTo("ann@example.com");
            second.save(read);
            assertThat(second.findById(id)).as("read again within the request").isSameAs(read);
        });

        var onFirst = Objects.requireNonNull(first.findById(id));
        onFirst.setAttribute(SPRING_SECURITY_CONTEXT_KEY, signedIn("bea@example.com"));
        first.save(onFirst);
        inOneRequest(() ->
                assertThat(nameIn(Objects.requireNonNull(second.findById(id)))).isEqualTo("bea@example.com"));

        inOneRequest(() -> {
            second.save(Objects.requireNonNull(second.findById(id)));
            second.deleteById(id);
            assertThat(second.findById(id)).as("ended within the request").isNull();
        });
        assertThat(first.findById(id)).isNull();
    }

    private static SecurityContext signedIn(String name) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
    }

    private static @Nullable String nameIn(Session session) {
        SecurityContext context = session.getAttribute(SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = context == null ? null : context.getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    /** Runs {@code work} as Spring Session's filter would within one request. */
    private static void inOneRequest(Runnable work) throws Exception {
        new SharedSessionRepository.OneRequest()
                .doFilter(
                        new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> work.run());
    }
}
