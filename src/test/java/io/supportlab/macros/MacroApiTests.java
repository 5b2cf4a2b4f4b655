package io.supportlab.macros;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.ApiClient;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The macros API over HTTP, on SQLite and on PostgreSQL: keeping macros, who sees what, applying one. */
class MacroApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        static final String AGENT = "agent@staff.example";
        static final String OTHER = "other@staff.example";
        static final String PASSWORD = "long-enough-password";

        ApiClient admin;
        ApiClient agent;
        ApiClient other;

        @BeforeEach
        void staff() {
            admin = api(admin());
            admin.post("/api/users", user(AGENT, "Alex Agent"), 201);
            admin.post("/api/users", user(OTHER, "Olli Other"), 201);
            agent = api(withBasicAuth(AGENT, PASSWORD));
            other = api(withBasicAuth(OTHER, PASSWORD));
        }

        static String user(String email, String name) {
            return "{\"email\":\"" + email + "\",\"display_name\":\"" + name + "\",\"password\":\"" + PASSWORD
                    + "\",\"role\":\"agent\"}";
        }

        static String macro(String title, String body, String visibility, String actions) {
            return "{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"visibility\":\"" + visibility
                    + "\",\"actions\":" + actions + "}";
        }

        JsonNode ticket(String title) {
            return admin.post(
                    "/api/tickets",
                    "{\"title\":\"" + title + "\",\"description\":\"It breaks\",\"priority\":\"low\","
                            + "\"contact_email\":\"dana@example.com\"}",
                    201);
        }

        long count(String sql, Object... params) {
            var statement = jdbc.sql(sql);
            for (Object param : params) {
                statement = statement.param(param);
            }
            return statement.query(Long.class).single();
        }

        /** The titles {@code client} finds searching for {@code q}, sent as typed. */
        List<String> search(ApiClient client, String q) {
            String body = client.client()
                    .get()
                    .uri("/api/macros?q={q}", q)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            return titles(client.json().readTree(body));
        }

        List<String> titles(JsonNode list) {
            return list.valueStream().map(m -> m.get("title").asString()).toList();
        }

        int status(RestTestClient client, String method, String uri, String body) {
            return client.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri(uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
        }

        @Test
        void staffKeepMacrosAndSeeTheSharedOnesAndTheirOwn() {
            JsonNode shared = admin.post(
                    "/api/macros",
                    macro(
                            "Refund issued",
                            "Hi {{customer.name}}, refunded.",
                            "shared",
                            "{\"status\":\"resolved\",\"priority\":\"high\"}"),
                    201);
            assertThat(shared.get("visibility").asString()).isEqualTo("shared");
            assertThat(shared.get("owner").isNull()).isTrue();
            assertThat(shared.at("/actions/status").asString()).isEqualTo("resolved");
            assertThat(shared.at("/actions/priority").asString()).isEqualTo("high");
            assertThat(shared.at("/actions/reply_visibility").asString()).isEqualTo("public");
            assertThat(shared.get("usage_count").asInt()).isZero();
            assertThat(shared.get("created_by").asString()).isEqualTo(ADMIN_EMAIL);

            JsonNode mine = agent.post(
                    "/api/macros", "{\"title\":\"My greeting\",\"body\":\"Hello from {{agent.name}}\"}", 201);
            assertThat(mine.get("visibility").asString()).isEqualTo("personal");
            assertThat(mine.get("owner").asString()).isEqualTo(AGENT);
            assertThat(mine.at("/actions/status").isNull()).isTrue();
            other.post("/api/macros", macro("Other's", "Psst", "personal", "null"), 201);

            assertThat(titles(agent.get("/api/macros", 200))).containsExactly("My greeting", "Refund issued");
            assertThat(titles(admin.get("/api/macros", 200))).containsExactly("Refund issued");
            assertThat(search(agent, "REFUND")).containsExactly("Refund issued");
            assertThat(search(agent, "hello agent")).containsExactly("My greeting");
            assertThat(search(agent, "refund hello")).isEmpty();
            assertThat(search(agent, "%")).isEmpty();
            assertThat(search(other, "refund")).containsExactly("Refund issued");
            assertThat(search(admin, "psst")).isEmpty();
            assertThat(agent.get("/api/macros/" + shared.get("id").asString(), 200)
                            .get("title")
                            .asString())
                    .isEqualTo("Refund issued");

            String id = mine.get("id").asString();
            JsonNode updated = agent.put(
                    "/api/macros/" + id,
                    "{\"title\":\"Greeting\",\"body\":\"Hi {{customer.name}}\",\"actions\":{\"reply_visibility\":\"internal\"}}",
                    200);
            assertThat(updated.get("title").asString()).isEqualTo("Greeting");
            assertThat(updated.get("visibility").asString()).isEqualTo("personal");
            assertThat(updated.at("/actions/reply_visibility").asString()).isEqualTo("internal");
            assertThat(updated.get("created_at").asString())
                    .isEqualTo(mine.get("created_at").asString());

            agent.client()
                    .delete()
                    .uri("/api/macros/" + id)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            agent.get("/api/macros/" + id, 404);
            assertThat(count("SELECT COUNT(*) FROM macros")).isEqualTo(2);
        }

        @Test
        void theListIsPagedNewestFirst() {
            for (int i = 1; i <= 3; i++) {
                agent.post("/api/macros", "{\"title\":\"M" + i + "\",\"body\":\"b\"}", 201);
            }
            var first =
                    agent.client().get().uri("/api/macros?limit=2").exchange().returnResult(String.class);
            assertThat(first.getResponseHeaders().getFirst("Link")).contains("rel=\"next\"");
            assertThat(titles(agent.json().readTree(first.getResponseBody()))).containsExactly("M3", "M2");
        }

        @Test
        void somebodyElsesPersonalMacroDoesNotExistForYou() {
            String id = other.post("/api/macros", "{\"title\":\"Mine\",\"body\":\"b\"}", 201)
                    .get("id")
                    .asString();
            String ticket = ticket("Printer").get("id").asString();
            agent.get("/api/macros/" + id, 404);
            admin.get("/api/macros/" + id, 404);
            assertThat(status(
                            withBasicAuth(AGENT, PASSWORD),
                            "PUT",
                            "/api/macros/" + id,
                            "{\"title\":\"x\",\"body\":\"y\"}"))
                    .isEqualTo(404);
            assertThat(status(withBasicAuth(AGENT, PASSWORD), "DELETE", "/api/macros/" + id, ""))
                    .isEqualTo(404);
            agent.get("/api/tickets/" + ticket + "/macros/" + id + "/preview", 404);
            agent.post("/api/tickets/" + ticket + "/macros/" + id, "", 404);
            assertThat(count("SELECT COUNT(*) FROM ticket_replies")).isZero();
        }

        @Test
        void onlyAdminsKeepSharedMacros() {
            JsonNode refused = agent.post("/api/macros", macro("Team", "b", "shared", "null"), 403);
            assertThat(refused.get("type").asString()).isEqualTo("/problems/forbidden");
            assertThat(count("SELECT COUNT(*) FROM macros")).isZero();

            String shared = admin.post("/api/macros", macro("Team", "b", "shared", "null"), 201)
                    .get("id")
                    .asString();
            agent.put("/api/macros/" + shared, "{\"title\":\"Mine now\",\"body\":\"b\"}", 403);
            assertThat(status(withBasicAuth(AGENT, PASSWORD), "DELETE", "/api/macros/" + shared, ""))
                    .isEqualTo(403);
            String personal = agent.post("/api/macros", "{\"title\":\"P\",\"body\":\"b\"}", 201)
                    .get("id")
                    .asString();
            agent.put("/api/macros/" + personal, macro("P", "b", "shared", "null"), 403);
            assertThat(admin.get("/api/macros/" + shared, 200).get("title").asString())
                    .isEqualTo("Team");

            JsonNode madeMine = admin.put("/api/macros/" + shared, macro("Team", "b", "personal", "null"), 200);
            assertThat(madeMine.get("owner").asString()).isEqualTo(ADMIN_EMAIL);
            agent.get("/api/macros/" + shared, 404);
        }

        @Test
        void changesToSharedMacrosAreAuditedPersonalOnesAreNot() {
            String shared = admin.post("/api/macros", macro("Team", "b", "shared", "null"), 201)
                    .get("id")
                    .asString();
            admin.put("/api/macros/" + shared, macro("Team reply", "b", "shared", "null"), 200);
            admin.client()
                    .delete()
                    .uri("/api/macros/" + shared)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            String personal = agent.post("/api/macros", "{\"title\":\"P\",\"body\":\"b\"}", 201)
                    .get("id")
                    .asString();
            agent.put("/api/macros/" + personal, "{\"title\":\"Q\",\"body\":\"b\"}", 200);

            List<String> entries = jdbc.sql("SELECT action || ' ' || details FROM audit_log WHERE target = :target"
                            + " ORDER BY created_at, id")
                    .param("target", shared)
                    .query(String.class)
                    .list();
            assertThat(entries)
                    .containsExactly(
                            "macro.created “Team”, shared",
                            "macro.updated “Team reply”, shared",
                            "macro.deleted “Team reply”, shared");
            assertThat(count("SELECT COUNT(*) FROM audit_log WHERE target = ?", personal))
                    .isZero();
        }

        @Test
        void unknownAndMalformedPlaceholdersAreRefusedByName() {
            JsonNode problem = agent.post(
                    "/api/macros", "{\"title\":\"\",\"body\":\"Hi {{customer.phone}} and {{customer.name}\"}", 400);
            assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
            assertThat(problem.get("placeholders")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsExactly("{{customer.phone}}", "{{customer.name}");
            List<String> bodyErrors = problem.get("errors")
                    .valueStream()
                    .filter(e -> e.get("field").asString().equals("body"))
                    .map(e -> e.get("message").asString())
                    .toList();
            assertThat(bodyErrors).hasSize(2);
            assertThat(bodyErrors.get(0)).startsWith("unknown placeholder {{customer.phone}}; use {{customer.name}}");
            assertThat(bodyErrors.get(1)).contains("{{customer.name}", "not closed");
            assertThat(problem.get("errors")
                            .valueStream()
                            .map(e -> e.get("field").asString()))
                    .contains("title");

            String id = agent.post("/api/macros", "{\"title\":\"Fine\",\"body\":\"b\"}", 201)
                    .get("id")
                    .asString();
            agent.put("/api/macros/" + id, "{\"title\":\"Fine\",\"body\":\"{{ agent.nmae }}\"}", 400);
            assertThat(agent.get("/api/macros/" + id, 200).get("body").asString())
                    .isEqualTo("b");
            JsonNode badStatus = agent.post(
                    "/api/macros",
                    "{\"title\":\"T\",\"body\":\"b\",\"actions\":{\"status\":\"pending-forever\"}}",
                    400);
            assertThat(badStatus.get("type").asString()).isEqualTo("/problems/malformed-request");
            assertThat(count("SELECT COUNT(*) FROM macros")).isEqualTo(1);
        }

        @Test
        void previewFillsInTheTicketAndTheAgentAndWritesNothing() {
            JsonNode ticket = ticket("Printer jams");
            String macro = admin.post(
                            "/api/macros",
                            macro(
                                    "Ack",
                                    "Hi {{customer.name}}, {{agent.name}} <{{agent.email}}> has {{ticket.reference}}"
                                            + " ({{ticket.title}}, {{ticket.status}}).",
                                    "shared",
                                    "{\"status\":\"resolved\",\"reply_visibility\":\"internal\"}"),
                            201)
                    .get("id")
                    .asString();

            JsonNode preview = agent.get(
                    "/api/tickets/" + ticket.get("reference").asString() + "/macros/" + macro + "/preview", 200);
            assertThat(preview.get("body").asString())
                    .isEqualTo("Hi dana@example.com, Alex Agent <" + AGENT + "> has "
                            + ticket.get("reference").asString() + " (Printer jams, New).");
            assertThat(preview.at("/actions/status").asString()).isEqualTo("resolved");
            assertThat(preview.get("effects")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .containsExactly("Internal note", "Status: Resolved");
            assertThat(count("SELECT COUNT(*) FROM ticket_replies")).isZero();
            assertThat(count("SELECT usage_count FROM macros")).isZero();
        }

        @Test
        void applyingSendsTheReplyAppliesTheActionsAndCountsTheUse() {
            JsonNode ticket = ticket("Printer jams");
            String id = ticket.get("id").asString();
            String macro = admin.post(
                            "/api/macros",
                            macro(
                                    "Refund",
                                    "Hi {{customer.name}}, {{ticket.reference}} is refunded. {{agent.name}}",
                                    "shared",
                                    "{\"status\":\"resolved\",\"priority\":\"high\"}"),
                            201)
                    .get("id")
                    .asString();
            long emailsBefore = count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ?", id);

            var result = agent.client()
                    .post()
                    .uri("/api/tickets/" + id + "/macros/" + macro)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class);
            JsonNode applied = agent.json().readTree(result.getResponseBody());
            assertThat(applied.get("status").asString()).isEqualTo("resolved");
            assertThat(applied.get("priority").asString()).isEqualTo("high");
            assertThat(applied.get("first_response_at").isNull()).isFalse();
            assertThat(result.getResponseHeaders().getETag())
                    .isEqualTo("\"" + applied.get("version").asInt() + "\"");

            JsonNode replies = admin.get("/api/tickets/" + id + "/replies", 200);
            assertThat(replies).hasSize(1);
            assertThat(replies.get(0).get("body").asString())
                    .isEqualTo(
                            "Hi dana@example.com, " + ticket.get("reference").asString() + " is refunded. Alex Agent");
            assertThat(replies.get(0).get("author").asString()).isEqualTo(AGENT);
            assertThat(replies.get(0).get("visibility").asString()).isEqualTo("public");
            List<String> history = admin.get("/api/tickets/" + id + "/history", 200)
                    .valueStream()
                    .map(h -> h.get("new_status").asString() + " by "
                            + h.get("changed_by").asString())
                    .toList();
            assertThat(history)
                    .containsExactly("new by " + ADMIN_EMAIL, "in-progress by " + AGENT, "resolved by " + AGENT);
            assertThat(count("SELECT COUNT(*) FROM notifications WHERE ticket_id = ?", id))
                    .isGreaterThan(emailsBefore);

            JsonNode counted = admin.get("/api/macros/" + macro, 200);
            assertThat(counted.get("usage_count").asInt()).isEqualTo(1);
            assertThat(counted.get("last_used_at").isNull()).isFalse();
        }

        @Test
        void anInternalMacroAddsANoteTheCustomerDoesNotSee() {
            String id = ticket("Printer").get("id").asString();
            String macro = agent.post(
                            "/api/macros",
                            macro(
                                    "Note",
                                    "Checked by {{agent.email}}",
                                    "personal",
                                    "{\"reply_visibility\":\"internal\"}"),
                            201)
                    .get("id")
                    .asString();
            JsonNode applied = agent.post("/api/tickets/" + id + "/macros/" + macro, "", 200);
            assertThat(applied.get("status").asString()).isEqualTo("new");
            JsonNode replies = admin.get("/api/tickets/" + id + "/replies", 200);
            assertThat(replies.get(0).get("visibility").asString()).isEqualTo("internal");
            assertThat(replies.get(0).get("body").asString()).isEqualTo("Checked by " + AGENT);
        }

        @Test
        void aRefusedActionLeavesNothingWritten() {
            String id = ticket("Printer").get("id").asString();
            JsonNode closed = admin.put("/api/tickets/" + id, "{\"status\":\"closed\"}", 200);
            String macro = admin.post(
                            "/api/macros",
                            macro("Resolve", "Done, {{customer.name}}", "shared", "{\"status\":\"resolved\"}"),
                            201)
                    .get("id")
                    .asString();
            long emails = count("SELECT COUNT(*) FROM notifications");
            long history = count("SELECT COUNT(*) FROM ticket_status_history");
            long audit = count("SELECT COUNT(*) FROM audit_log");

            JsonNode problem = agent.post("/api/tickets/" + id + "/macros/" + macro, "", 409);

            assertThat(problem.get("current_status").asString()).isEqualTo("closed");
            assertThat(count("SELECT COUNT(*) FROM ticket_replies")).isZero();
            assertThat(count("SELECT COUNT(*) FROM notifications")).isEqualTo(emails);
            assertThat(count("SELECT COUNT(*) FROM ticket_status_history")).isEqualTo(history);
            assertThat(count("SELECT COUNT(*) FROM audit_log")).isEqualTo(audit);
            assertThat(admin.get("/api/tickets/" + id, 200).get("version").asInt())
                    .isEqualTo(closed.get("version").asInt());
            JsonNode unused = admin.get("/api/macros/" + macro, 200);
            assertThat(unused.get("usage_count").asInt()).isZero();
            assertThat(unused.get("last_used_at").isNull()).isTrue();
        }

        @Test
        void applyingToNoTicketIsNotFound() {
            String macro = agent.post("/api/macros", "{\"title\":\"T\",\"body\":\"b\"}", 201)
                    .get("id")
                    .asString();
            agent.post("/api/tickets/SL-999999/macros/" + macro, "", 404);
            assertThat(count("SELECT usage_count FROM macros")).isZero();
        }
    }
}
