package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ticket API over HTTP, on SQLite and on PostgreSQL: the seed's contract and its extensions. */
class TicketApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        JsonMapper json;

        @Autowired
        CustomerAccess customerAccess;

        @Autowired
        TicketService service;

        @Autowired
        AccessLinkRequests accessLinks;

        JsonNode create(String title, String email) {
            return create("{\"title\":\"" + title + "\",\"description\":\"Details of " + title
                    + "\",\"priority\":\"high\",\"contact_email\":\"" + email + "\"}");
        }

        JsonNode create(String body) {
            return api(anonymous()).post("/api/tickets", body, 201);
        }

        JsonNode read(EntityExchangeResult<String> result) {
            return json.readTree(result.getResponseBody());
        }

        JsonNode put(String id, String body) {
            return api(admin()).put("/api/tickets/" + id, body, 200);
        }

        long count(String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }

        RestTestClient customer(String email) {
            return withBearer(customerAccess.token(email));
        }

        @Test
        void seedWalkthroughCreatesUpdatesAndKeepsHistory() {
            JsonNode ticket = create(
                    "{\"title\": \"Test notification ticket\", \"description\": \"Testing the notification system\","
                            + " \"priority\": \"medium\", \"contact_email\": \"user@example.com\"}");
            assertThat(ticket.get("status").asString()).isEqualTo("new");
            assertThat(ticket.get("reference").asString()).matches("SL-\\d{4,}");
            assertThat(ticket.get("created_at").asString()).endsWith("Z");
            String id = ticket.get("id").asString();

            JsonNode updated = put(id, "{\"status\": \"in-progress\", \"notes\": \"Started working on this issue\"}");
            assertThat(updated.get("status").asString()).isEqualTo("in-progress");
            assertThat(updated.get("updated_at").asString())
                    .isGreaterThan(ticket.get("updated_at").asString());

            put(id, "{\"status\": \"resolved\", \"notes\": \"Issue resolved successfully\"}");

            admin().get()
                    .uri("/api/tickets/" + id + "/history")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(3)
                    .jsonPath("$[0].old_status")
                    .isEmpty()
                    .jsonPath("$[0].new_status")
                    .isEqualTo("new")
                    .jsonPath("$[0].changed_by")
                    .isEqualTo("user@example.com")
                    .jsonPath("$[1].old_status")
                    .isEqualTo("new")
                    .jsonPath("$[1].new_status")
                    .isEqualTo("in-progress")
                    .jsonPath("$[1].notes")
                    .isEqualTo("Started working on this issue")
                    .jsonPath("$[1].changed_by")
                    .isEqualTo(ADMIN_EMAIL)
                    .jsonPath("$[2].new_status")
                    .isEqualTo("resolved");
            admin().get()
                    .uri("/api/tickets")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[0].id")
                    .isEqualTo(id);
        }

        @Test
        void priorityDefaultsToMediumAndAcceptsUrgent() {
            JsonNode plain = create("{\"title\":\"a\",\"description\":\"b\",\"contact_email\":\"c@example.com\"}");
            assertThat(plain.get("priority").asString()).isEqualTo("medium");
            JsonNode urgent = create(
                    "{\"title\":\"a\",\"description\":\"b\",\"priority\":\"urgent\",\"contact_email\":\"c@example.com\"}");
            assertThat(urgent.get("priority").asString()).isEqualTo("urgent");
        }

        @Test
        void referencesAreSequentialAndUnique() {
            int first = Integer.parseInt(
                    create("One", "a@example.com").get("reference").asString().substring(3));
            int second = Integer.parseInt(
                    create("Two", "a@example.com").get("reference").asString().substring(3));
            assertThat(second).isEqualTo(first + 1);
        }

        @Test
        void rejectsInvalidTicketsWithEveryReasonAndWritesNothing() {
            anonymous()
                    .post()
                    .uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"title\":\"" + "x".repeat(NewTicket.MAX_TITLE + 1)
                            + "\",\"description\":\"  \",\"contact_email\":\"nobody\"}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[?(@.field == 'title')].message")
                    .isEqualTo("size must be between 0 and 200")
                    .jsonPath("$.errors[?(@.field == 'description')].message")
                    .isEqualTo("must not be blank")
                    .jsonPath("$.errors[?(@.field == 'contact_email')].message")
                    .isEqualTo("must be an email address like name@example.com");
            anonymous()
                    .post()
                    .uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                            "{\"title\":\"t\",\"description\":\"d\",\"priority\":\"critical\",\"contact_email\":\"a@b.co\"}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("priority");
            anonymous()
                    .post()
                    .uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors.length()")
                    .isEqualTo(3);
            assertThat(count("tickets")).isZero();
            assertThat(count("ticket_status_history")).isZero();
        }

        @Test
        void controlCharactersAreStrippedAndMarkupKeptAsText() {
            JsonNode ticket = create(
                    "{\"title\":\"<script>alert(1)</script>\\u0000\",\"description\":\"a\\u0007b\",\"contact_email\":\"x@example.com\"}");
            assertThat(ticket.get("title").asString()).isEqualTo("<script>alert(1)</script>");
            assertThat(ticket.get("description").asString()).isEqualTo("ab");
        }

        @Test
        void staffListNeedsCredentials() {
            anonymous().get().uri("/api/tickets").exchange().expectStatus().isUnauthorized();
        }

        @Test
        void unknownOrMalformedIdsAre404() {
            admin().get()
                    .uri("/api/tickets/not-a-uuid")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/not-found");
            admin().get()
                    .uri("/api/tickets/00000000-0000-0000-0000-000000000000")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            admin().put()
                    .uri("/api/tickets/SL-999999")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"resolved\"}")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        @Test
        void ticketsCanBeFetchedByReference() {
            JsonNode ticket = create("By ref", "r@example.com");
            admin().get()
                    .uri("/api/tickets/" + ticket.get("reference").asString().toLowerCase())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.id")
                    .isEqualTo(ticket.get("id").asString());
        }

        @Test
        void illegalTransitionIs409WithTheAllowedOnes() {
            String id = create("Closing", "c@example.com").get("id").asString();
            put(id, "{\"status\":\"closed\"}");
            admin().put()
                    .uri("/api/tickets/" + id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"in-progress\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/conflict")
                    .jsonPath("$.current_status")
                    .isEqualTo("closed")
                    .jsonPath("$.allowed.length()")
                    .isEqualTo(0);

            String other = create("Resolved", "c@example.com").get("id").asString();
            put(other, "{\"status\":\"resolved\"}");
            admin().put()
                    .uri("/api/tickets/" + other)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"new\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.allowed[0]")
                    .isEqualTo("in-progress")
                    .jsonPath("$.allowed[1]")
                    .isEqualTo("closed");
            assertThat(put(other, "{\"status\":\"in-progress\",\"notes\":\"Reopened\"}")
                            .get("status")
                            .asString())
                    .isEqualTo("in-progress");
        }

        @Test
        void staleIfMatchIsRefusedAndCurrentOneApplies() {
            String id = create("Locking", "l@example.com").get("id").asString();
            String etag = admin().get()
                    .uri("/api/tickets/" + id)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseHeaders()
                    .getETag();
            assertThat(etag).isEqualTo("\"1\"");
            put(id, "{\"priority\":\"low\"}"); // a colleague's change: now version 2

            admin().put()
                    .uri("/api/tickets/" + id)
                    .header(HttpHeaders.IF_MATCH, etag)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"resolved\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.current_version")
                    .isEqualTo(2);
            admin().put()
                    .uri("/api/tickets/" + id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"resolved\",\"version\":1}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409);
            assertThat(service.get(id, new io.supportlab.accounts.Caller(ADMIN_EMAIL, true))
                            .status())
                    .isEqualTo(TicketStatus.NEW);

            admin().put()
                    .uri("/api/tickets/" + id)
                    .header(HttpHeaders.IF_MATCH, "\"2\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"resolved\"}")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"3\"");
        }

        @Test
        void paginatesWithLinkHeadersStableUnderInserts() {
            for (int i = 0; i < 5; i++) {
                create("Page " + i, "p@example.com");
            }
            List<String> seen = new ArrayList<>();
            String next = "/api/tickets?limit=2";
            int pages = 0;
            while (next != null) {
                EntityExchangeResult<String> page = admin().get()
                        .uri(next)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult();
                json.readTree(page.getResponseBody())
                        .forEach(t -> seen.add(t.get("title").asString()));
                if (pages++ == 0) {
                    create("Arrived later", "p@example.com"); // must not shift the following pages
                }
                next = nextLink(page.getResponseHeaders().getFirst(HttpHeaders.LINK));
            }
            assertThat(seen).containsExactly("Page 4", "Page 3", "Page 2", "Page 1", "Page 0");
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void rejectsForeignCursorsAndLimits() {
            admin().get()
                    .uri("/api/tickets?cursor=garbage")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("cursor");
            admin().get().uri("/api/tickets?limit=0").exchange().expectStatus().isBadRequest();
            admin().get()
                    .uri("/api/tickets?limit=abc")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("limit");
        }

        @Test
        void filtersByStatusPriorityAssigneeAndWords() {
            String a = create("Invoice missing", "anna@example.com").get("id").asString();
            String b = create("Login broken", "bob@shop.example").get("id").asString();
            create(
                    "{\"title\":\"Slow page\",\"description\":\"50% slower\",\"priority\":\"low\",\"contact_email\":\"c@example.com\"}");
            put(a, "{\"status\":\"in-progress\",\"assignee\":\"" + ADMIN_EMAIL + "\"}");

            assertThat(titles("/api/tickets?status=in-progress")).containsExactly("Invoice missing");
            assertThat(titles("/api/tickets?priority=low")).containsExactly("Slow page");
            assertThat(titles("/api/tickets?assignee=" + ADMIN_EMAIL)).containsExactly("Invoice missing");
            assertThat(titles("/api/tickets?assignee=none")).containsExactlyInAnyOrder("Login broken", "Slow page");
            assertThat(titles("/api/tickets?q=LOGIN")).containsExactly("Login broken");
            assertThat(titles("/api/tickets?q=shop.example")).containsExactly("Login broken");
            assertThat(titles("/api/tickets?q=details invoice")).containsExactly("Invoice missing");
            assertThat(titlesMatching("50%")).containsExactly("Slow page");
            assertThat(titlesMatching("%%%x")).isEmpty();
            assertThat(titlesMatching("_")).isEmpty();
            assertThat(b).isNotBlank();
        }

        @Test
        void timelineShowsEveryChangeWithWhoWhenAndTheNote() {
            String id = create("Timeline", "t@example.com").get("id").asString();
            put(id, "{\"priority\":\"urgent\",\"notes\":\"Customer is blocked\"}");
            put(id, "{\"assignee\":\"" + ADMIN_EMAIL + "\"}");
            put(id, "{\"status\":\"in-progress\",\"priority\":\"low\",\"notes\":\"Working on it\"}");
            put(id, "{\"notes\":\"Asked the vendor\"}");
            put(id, "{\"priority\":\"low\"}"); // no change: nothing recorded

            JsonNode timeline = read(admin().get()
                    .uri("/api/tickets/" + id + "/timeline")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult());
            assertThat(timeline).hasSize(5);
            assertThat(timeline.get(0).get("status").get("new_status").asString())
                    .isEqualTo("new");
            JsonNode priority = timeline.get(1);
            assertThat(priority.get("status").isNull()).isTrue();
            assertThat(priority.get("by").asString()).isEqualTo(ADMIN_EMAIL);
            assertThat(priority.get("note").asString()).isEqualTo("Customer is blocked");
            assertThat(priority.get("changes").get(0).get("field").asString()).isEqualTo("priority");
            assertThat(priority.get("changes").get(0).get("old_value").asString())
                    .isEqualTo("high");
            assertThat(priority.get("changes").get(0).get("new_value").asString())
                    .isEqualTo("urgent");
            JsonNode assignee = timeline.get(2).get("changes").get(0);
            assertThat(assignee.get("field").asString()).isEqualTo("assignee");
            assertThat(assignee.get("old_value").isNull()).isTrue();
            assertThat(assignee.get("new_value").asString()).isEqualTo(ADMIN_EMAIL);
            JsonNode both = timeline.get(3);
            assertThat(both.get("status").get("new_status").asString()).isEqualTo("in-progress");
            assertThat(both.get("changes").get(0).get("new_value").asString()).isEqualTo("low");
            assertThat(both.get("note").asString()).isEqualTo("Working on it");
            assertThat(timeline.get(4).get("changes")).isEmpty();
            assertThat(timeline.get(4).get("note").asString()).isEqualTo("Asked the vendor");

            // The seed's status history is unchanged: status changes only.
            assertThat(read(admin().get()
                            .uri("/api/tickets/" + id + "/history")
                            .exchange()
                            .expectBody(String.class)
                            .returnResult()))
                    .hasSize(2);
            // Customers do not see internal field changes.
            withBearer(customerAccess.token("t@example.com"))
                    .get()
                    .uri("/api/tickets/" + id + "/timeline")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void findsTicketsByTheirReferenceWithOrWithoutPrefix() {
            String reference =
                    create("Printer on fire", "p@example.com").get("reference").asString();
            create("Other", "o@example.com");
            String number = reference.substring("SL-".length());
            create("Quoting " + reference + " in my text", "q@example.com");

            assertThat(titlesMatching(reference))
                    .containsExactlyInAnyOrder("Printer on fire", "Quoting " + reference + " in my text");
            assertThat(titlesMatching(reference.toLowerCase(java.util.Locale.ROOT)))
                    .contains("Printer on fire");
            assertThat(titlesMatching(number)).contains("Printer on fire").doesNotContain("Other");
            assertThat(titlesMatching("#" + number)).contains("Printer on fire").doesNotContain("Other");
            assertThat(titlesMatching(reference + " fire")).containsExactly("Printer on fire");
            assertThat(titlesMatching("SL-99999999")).isEmpty();
        }

        @Test
        void assigneeMustBeActiveStaffAndNullUnassigns() {
            String id = create("Assign me", "a@example.com").get("id").asString();
            admin().put()
                    .uri("/api/tickets/" + id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"assignee\":\"stranger@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("assignee");
            assertThat(put(id, "{\"assignee\":\"" + ADMIN_EMAIL.toUpperCase() + "\"}")
                            .get("assignee")
                            .asString())
                    .isEqualTo(ADMIN_EMAIL);
            assertThat(put(id, "{\"priority\":\"low\"}").get("assignee").asString())
                    .isEqualTo(ADMIN_EMAIL);
            assertThat(put(id, "{\"assignee\":null}").get("assignee").asString())
                    .isEqualTo(ADMIN_EMAIL);
            assertThat(put(id, "{\"assignee\":\"\"}").get("assignee").isNull()).isTrue();
        }

        @Test
        void firstPublicStaffReplyStartsWorkAndCountsAsFirstResponse() {
            String id = create("Need help", "n@example.com").get("id").asString();
            admin().post()
                    .uri("/api/tickets/" + id + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"Looking at it\",\"visibility\":\"internal\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            JsonNode afterNote = read(admin().get()
                    .uri("/api/tickets/" + id)
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());
            assertThat(afterNote.get("first_response_at").isNull()).isTrue();
            assertThat(afterNote.get("status").asString()).isEqualTo("new");

            admin().post()
                    .uri("/api/tickets/" + id + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"Please try again now\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.visibility")
                    .isEqualTo("public")
                    .jsonPath("$.author_type")
                    .isEqualTo("agent");
            JsonNode after = read(admin().get()
                    .uri("/api/tickets/" + id)
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());
            assertThat(after.get("first_response_at").isNull()).isFalse();
            assertThat(after.get("status").asString()).isEqualTo("in-progress");
            admin().get()
                    .uri("/api/tickets/" + id + "/history")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[1].notes")
                    .isEqualTo("Replied to the customer");
        }

        @Test
        void customerSeesOnlyPublicRepliesOfTheirOwnTickets() {
            String mine = create("Mine", "me@example.com").get("id").asString();
            String theirs = create("Theirs", "other@example.com").get("id").asString();
            admin().post()
                    .uri("/api/tickets/" + mine + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"secret note\",\"visibility\":\"internal\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            admin().post()
                    .uri("/api/tickets/" + mine + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"hello customer\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();

            RestTestClient me = customer("ME@example.com");
            me.get().uri("/api/tickets/" + mine).exchange().expectStatus().isOk();
            me.get()
                    .uri("/api/tickets/" + mine + "/replies")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1)
                    .jsonPath("$[0].body")
                    .isEqualTo("hello customer");
            me.get().uri("/api/tickets/" + theirs).exchange().expectStatus().isNotFound();
            me.get()
                    .uri("/api/tickets/" + theirs + "/history")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            me.get()
                    .uri("/api/tickets/" + theirs + "/replies")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            me.post()
                    .uri("/api/tickets/" + theirs + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"let me in\"}")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            me.get().uri("/api/tickets").exchange().expectStatus().isForbidden();
            me.put()
                    .uri("/api/tickets/" + mine)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"closed\"}")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket_replies WHERE ticket_id = :id")
                            .param("id", theirs)
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        void customersSeeStaffByDisplayNameNeverByAddress() {
            String id = create("Who answers?", "c@example.com").get("id").asString();
            admin().post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"nameless@staff.example\",\"display_name\":\"nameless@staff.example\","
                            + "\"password\":\"long-enough-password\",\"role\":\"agent\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            put(id, "{\"status\":\"in-progress\",\"assignee\":\"" + ADMIN_EMAIL + "\",\"notes\":\"On it\"}");
            admin().post()
                    .uri("/api/tickets/" + id + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"We are looking into it\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            withBasicAuth("nameless@staff.example", "long-enough-password")
                    .post()
                    .uri("/api/tickets/" + id + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"Fixed\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();

            RestTestClient customer = customer("c@example.com");
            JsonNode ticket = read(customer.get()
                    .uri("/api/tickets/" + id)
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());
            JsonNode history = read(customer.get()
                    .uri("/api/tickets/" + id + "/history")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());
            JsonNode replies = read(customer.get()
                    .uri("/api/tickets/" + id + "/replies")
                    .exchange()
                    .expectBody(String.class)
                    .returnResult());
            assertThat(ticket.get("assignee").asString()).isEqualTo("Administrator");
            assertThat(history.get(1).get("changed_by").asString()).isEqualTo("Administrator");
            assertThat(history.get(0).get("changed_by").asString()).isEqualTo("c@example.com");
            assertThat(replies.get(0).get("author").asString()).isEqualTo("Administrator");
            assertThat(replies.get(1).get("author").asString()).isEqualTo("Support team");
            assertThat(ticket + history.toString() + replies).doesNotContain(ADMIN_EMAIL, "staff.example");
            // The emails as staff can read them, rendered as they are sent.
            JsonNode emails = read(admin().get()
                    .uri("/api/tickets/" + id + "/notifications")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult());
            assertThat(emails).hasSize(4);
            emails.forEach(email -> assertThat(email.get("subject").asString()
                            + email.get("content").asString())
                    .doesNotContain(ADMIN_EMAIL, "staff.example"));
            assertThat(emails.toString()).contains("We are looking into it", "On it", "Fixed");
            // Staff still see who did what.
            admin().get()
                    .uri("/api/tickets/" + id + "/replies")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[0].author")
                    .isEqualTo(ADMIN_EMAIL);
        }

        @Test
        void customerReplyIsPublicAndReopensAResolvedTicket() {
            String id = create("Fixed?", "f@example.com").get("id").asString();
            put(id, "{\"status\":\"resolved\"}");
            customer("f@example.com")
                    .post()
                    .uri("/api/tickets/" + id + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"Still broken\",\"visibility\":\"internal\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.visibility")
                    .isEqualTo("public")
                    .jsonPath("$.author_type")
                    .isEqualTo("customer")
                    .jsonPath("$.author")
                    .isEqualTo("f@example.com");
            admin().get()
                    .uri("/api/tickets/" + id)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("in-progress");
            admin().get()
                    .uri("/api/tickets/" + id + "/history")
                    .exchange()
                    .expectBody()
                    .jsonPath("$[2].changed_by")
                    .isEqualTo("f@example.com")
                    .jsonPath("$[2].notes")
                    .isEqualTo("Customer replied");
        }

        @Test
        void closedTicketsTakeNoCustomerReplies() {
            String id = create("Done", "d@example.com").get("id").asString();
            put(id, "{\"status\":\"closed\"}");
            customer("d@example.com")
                    .post()
                    .uri("/api/tickets/" + id + "/replies")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"body\":\"one more thing\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409);
        }

        @Test
        void forgedOrForeignTokensAreRejected() {
            withBearer("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZUBleGFtcGxlLmNvbSJ9.bad")
                    .get()
                    .uri("/api/tickets/x")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("The access token is invalid or expired");
        }

        @Test
        void rejectsUndeliverableAddressesWhereverTheyEnter() {
            for (String address :
                    List.of("x@[127.0.0.1]", "x@[IPv6:::1]", "x@127.0.0.1", "x@localhost", "\\\"x y\\\"@example.com")) {
                String json = "{\"title\":\"t\",\"description\":\"d\",\"contact_email\":\"" + address + "\"}";
                for (RestTestClient caller : List.of(anonymous(), admin())) {
                    caller.post()
                            .uri("/api/tickets")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(json)
                            .exchange()
                            .expectStatus()
                            .isBadRequest()
                            .expectBody()
                            .jsonPath("$.errors[0].field")
                            .isEqualTo("contact_email");
                }
                anonymous()
                        .post()
                        .uri("/api/access-links")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"email\":\"" + address + "\"}")
                        .exchange()
                        .expectStatus()
                        .isBadRequest()
                        .expectBody()
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("email");
            }
            anonymous()
                    .post()
                    .uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"title\":\"t\",\"description\":\"d\",\"contact_email\":\"x@[127.0.0.1]\"}")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("must be an address at a mail domain, not at an IP address");
            assertThat(count("tickets")).isZero();
            assertThat(count("notifications")).isZero();
            create("Fine", "Dana.O'Neil+help@mail.example.co.uk");
            create("Unicode domain", "kunde@bücher.example");
        }

        @Test
        void pagesRefuseUndeliverableAddressesToo() {
            Map<String, String> ticket =
                    Map.of("title", "t", "description", "d", "priority", "medium", "contactEmail", "x@[127.0.0.1]");
            PageSession staff = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            staff.get("/tickets");
            assertThat(staff.post("/tickets", ticket).body()).contains("not at an IP address");
            PageSession visitor = new PageSession(baseUrl());
            HttpResponse<String> help = visitor.post("/help/tickets", ticket);
            assertThat(help.uri().getPath()).isEqualTo("/");
            assertThat(help.body()).contains("id=\"contactEmail-error\"");
            assertThat(visitor.post("/my/link", Map.of("email", "x@[127.0.0.1]"))
                            .body())
                    .contains("id=\"email-error\"");
            assertThat(count("tickets")).isZero();
            assertThat(count("access_link_requests")).isZero();
        }

        @Test
        void accessLinkRequestsAreOnlyRecordedAndDecidedInTheBackground() {
            create("Known", "known@example.com");
            long before = count("notifications");
            for (String email : List.of("known@example.com", "unknown@example.com")) {
                anonymous()
                        .post()
                        .uri("/api/access-links")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"email\":\"" + email + "\"}")
                        .exchange()
                        .expectStatus()
                        .isAccepted();
            }
            // The request itself wrote the same one row for either address and decided nothing.
            assertThat(jdbc.sql("SELECT email FROM access_link_requests ORDER BY email")
                            .query(String.class)
                            .list())
                    .containsExactly("known@example.com", "unknown@example.com");
            assertThat(count("notifications")).isEqualTo(before);

            // The background step decides: a link for the address with tickets, nothing for the other.
            assertThat(accessLinks.decideWaiting()).isEqualTo(2);
            assertThat(count("access_link_requests")).isZero();
            assertThat(jdbc.sql("SELECT recipient_email FROM notifications WHERE notification_type = 'access_link'")
                            .query(String.class)
                            .list())
                    .containsExactly("known@example.com");
        }

        @Test
        void accessLinkRequestAnswersTheSameForAnyAddress() {
            create("Known", "known@example.com");
            String known = anonymous()
                    .post()
                    .uri("/api/access-links")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"known@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            String unknown = anonymous()
                    .post()
                    .uri("/api/access-links")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"unknown@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(known).isEqualTo(unknown);
            anonymous()
                    .post()
                    .uri("/api/access-links")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"nope\"}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }

        @Test
        void concurrentRepliesAreAllKeptAndEachBumpsTheVersion() throws Exception {
            String id = create("Busy", "b@example.com").get("id").asString();
            int replies = 20;
            List<Future<Integer>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < replies; i++) {
                    int n = i;
                    results.add(pool.submit(() -> admin().post()
                            .uri("/api/tickets/" + id + "/replies")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body("{\"body\":\"note " + n + "\",\"visibility\":\"internal\"}")
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .value()));
                }
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
            admin().get()
                    .uri("/api/tickets/" + id)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.version")
                    .isEqualTo(1 + replies);
            admin().get()
                    .uri("/api/tickets/" + id + "/replies")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(replies);
        }

        @Test
        void concurrentSubmissionsGetDistinctReferences() throws Exception {
            List<Future<String>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    results.add(pool.submit(() -> create("Rush " + n, "rush@example.com")
                            .get("reference")
                            .asString()));
                }
            }
            Set<String> references = new HashSet<>();
            for (Future<String> result : results) {
                references.add(result.get());
            }
            assertThat(references).hasSize(40);
            assertThat(count("tickets")).isEqualTo(40);
        }

        private List<String> titles(String uri) {
            return titlesOf(admin().get().uri(uri));
        }

        private List<String> titlesMatching(String q) {
            return titlesOf(admin().get()
                    .uri(builder ->
                            builder.path("/api/tickets").queryParam("q", q).build()));
        }

        private List<String> titlesOf(RestTestClient.RequestHeadersSpec<?> request) {
            JsonNode list = read(request.exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult());
            List<String> titles = new ArrayList<>();
            list.forEach(t -> titles.add(t.get("title").asString()));
            return titles;
        }

        /** The address of the next page a Link header announces, or null on the last. */
        static String nextLink(String header) {
            if (header == null) {
                return null;
            }
            Matcher matcher = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(header);
            return matcher.find() ? matcher.group(1) : null;
        }
    }
}
