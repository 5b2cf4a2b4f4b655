package io.supportlab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Markup in every user-text field (tickets, replies, status notes, FAQ articles, experiments,
 * search queries, preferences, audit filters) comes back escaped on every page that shows it —
 * staff, customer and public — and in the HTML part of every email.
 */
class XssTests extends IntegrationTest {

    /** Classic payloads; each is numbered so that a page showing it can be told apart. */
    static final List<String> CORPUS = List.of(
            "<script>alert('xss0')</script>",
            "\"><img src=x onerror=alert('xss1')>",
            "'><svg onload=alert('xss2')>",
            "</textarea><script>alert('xss3')</script>",
            "<a href=\"javascript:alert('xss4')\">xss4</a>",
            "<iframe srcdoc=\"<script>alert('xss5')</script>\"></iframe>",
            "<style>@import'//xss6';</style>",
            "<details open ontoggle=alert('xss7')>");

    @Autowired
    JsonMapper json;

    @Autowired
    CustomerAccess customers;

    @Test
    void everyFieldIsEscapedOnEveryPageAndInEveryEmail() {
        // Addresses cannot carry markup (quoted local parts are refused), but ' and & still need escaping.
        String email = "o'neil&xss-mail@example.com";
        String ticket = createTicket(CORPUS.get(0), CORPUS.get(1), email);
        String reference = reference(ticket);
        String normalized = jdbc.sql("SELECT contact_email FROM tickets WHERE id = :id")
                .param("id", ticket)
                .query(String.class)
                .single();
        post(admin(), "/api/tickets/" + ticket + "/replies", "{\"body\":" + quote(CORPUS.get(2)) + "}");
        put(admin(), "/api/tickets/" + ticket, "{\"status\":\"resolved\",\"notes\":" + quote(CORPUS.get(3)) + "}");
        post(
                withBearer(customers.token(normalized)),
                "/api/tickets/" + ticket + "/replies",
                "{\"body\":" + quote(CORPUS.get(4)) + "}");
        String faq = id(post(
                admin(),
                "/api/faqs",
                "{\"question\":" + quote("Printer " + CORPUS.get(5)) + ",\"answer\":"
                        + quote("Printer answer " + CORPUS.get(6)) + "}"));
        post(
                admin(),
                "/api/ab-tests",
                "{\"name\":" + quote(CORPUS.get(7)) + ",\"description\":" + quote(CORPUS.get(0)) + ",\"hypothesis\":"
                        + quote(CORPUS.get(1))
                        + ",\"key\":\"xss\",\"control_variant\":\"a\",\"test_variant\":\"b\",\"target_metric\":\"clicks\"}");

        PageSession staff = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        PageSession customer = new PageSession(baseUrl());
        customer.get("/my/access?token=" + customers.token(normalized));
        PageSession visitor = new PageSession(baseUrl());

        List<String> checked = new ArrayList<>();
        checkPage(checked, staff, "/tickets");
        checkPage(checked, staff, "/tickets?query=" + url(CORPUS.get(2)));
        checkPage(checked, staff, "/tickets/" + ticket);
        checkPage(checked, staff, "/tickets/" + ticket + "/history");
        checkPage(checked, staff, "/notifications/ticket/" + ticket);
        checkPage(checked, staff, "/faq");
        checkPage(checked, staff, "/experiments");
        checkPage(checked, staff, "/experiments/xss");
        checkPage(checked, staff, "/admin/audit");
        checkPage(checked, staff, "/admin/audit?actor=" + url(CORPUS.get(1)) + "&target=" + url(CORPUS.get(2)));
        checkPage(checked, staff, "/admin/privacy/export?email=" + url(CORPUS.get(3)));
        checkPage(checked, customer, "/my/tickets");
        checkPage(checked, customer, "/my/tickets/" + ticket);
        checkPage(checked, customer, "/my/tickets/" + reference);
        checkPage(
                checked,
                customer,
                customer.post(
                        "/my/preferences",
                        Map.of("preferredLanguage", CORPUS.get(5), "notificationFrequency", CORPUS.get(6))));
        checkPage(checked, visitor, "/help/search?q=" + url(CORPUS.get(5)));
        checkPage(checked, visitor, "/help/search?q=printer");
        checkPage(checked, visitor, "/help/articles/" + faq);
        checkPage(checked, visitor, "/help/suggestions?title=printer&description=" + url(CORPUS.get(4)));
        HttpResponse<String> notFound = visitor.get("/help/articles/" + url(CORPUS.get(0)));
        assertThat(notFound.statusCode()).isBetween(400, 404); // the firewall refuses the encoded slash
        assertNoRawPayload("the not-found page", notFound.body());
        checkPage(
                checked,
                visitor,
                visitor.post(
                        "/help/tickets",
                        Map.of("title", CORPUS.get(2), "description", "", "contactEmail", CORPUS.get(3))));
        checkPage(checked, visitor, visitor.post("/my/link", Map.of("email", CORPUS.get(6))));

        // The dispatcher renders emails shortly after the change that caused them.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM notifications WHERE html_content IS NOT NULL")
                                .query(Long.class)
                                .single()
                        >= 3);
        List<String> emails = jdbc.sql("SELECT html_content FROM notifications WHERE html_content IS NOT NULL")
                .query(String.class)
                .list();
        for (String html : emails) {
            assertNoRawPayload("an email", html);
        }
        assertThat(String.join("", emails)).contains("&lt;script&gt;alert(");
        System.out.println("XSS corpus checked on " + checked.size() + " pages and " + emails.size() + " emails");
    }

    void checkPage(List<String> checked, PageSession session, String path) {
        checkPage(checked, path, session.get(path));
    }

    void checkPage(List<String> checked, PageSession session, HttpResponse<String> response) {
        checkPage(checked, response.uri().toString(), response);
    }

    void checkPage(List<String> checked, String what, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(what).isLessThan(500);
        assertThat(response.uri().getPath())
                .as(what + " must not bounce to a login")
                .doesNotStartWith("/login");
        assertNoRawPayload(what, response.body());
        assertThat(response.body()).as(what + " shows some payload, escaped").containsAnyOf("&lt;", "&#34;&gt;");
        checked.add(what);
    }

    static void assertNoRawPayload(String where, String html) {
        for (String payload : CORPUS) {
            assertThat(html).as(where).doesNotContain(payload);
        }
        // Escaped, these are harmless text; raw, each would be live markup.
        assertThat(html)
                .as(where)
                .doesNotContain("<script>alert(")
                .doesNotContain("<img src=x")
                .doesNotContain("<svg onload")
                .doesNotContain("<details open")
                .doesNotContain("<iframe srcdoc")
                .doesNotContain("<style>@import")
                .doesNotContain("<a href=\"javascript:")
                .doesNotContain("neil&xss-mail");
    }

    String createTicket(String title, String description, String email) {
        return id(post(
                anonymous(),
                "/api/tickets",
                "{\"title\":" + quote(title) + ",\"description\":" + quote(description) + ",\"contact_email\":"
                        + quote(email) + "}"));
    }

    String reference(String ticket) {
        return json.readTree(admin().get()
                        .uri("/api/tickets/" + ticket)
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .get("reference")
                .asString();
    }

    String post(RestTestClient client, String uri, String body) {
        return client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    void put(RestTestClient client, String uri, String body) {
        client.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    String id(String body) {
        return json.readTree(body).get("id").asString();
    }

    String quote(String text) {
        return json.writeValueAsString(text);
    }

    static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
