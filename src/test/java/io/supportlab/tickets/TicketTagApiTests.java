package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Tags over HTTP, on SQLite and on PostgreSQL: set when staff file a ticket, replaced by an update,
 * shown in the timeline, filtering the list (all given must match), suggested most used first,
 * refused with the item and the reason, hidden from customers and gone with an erasure.
 */
class TicketTagApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        CustomerAccess customerAccess;

        JsonNode create(String title, String email, String tags) {
            return api(admin())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"" + title + "\",\"description\":\"About " + title + "\",\"contact_email\":\""
                                    + email + "\",\"tags\":" + tags + "}",
                            201);
        }

        String id(JsonNode ticket) {
            return ticket.get("id").asString();
        }

        JsonNode put(String id, String body) {
            return api(admin()).put("/api/tickets/" + id, body, 200);
        }

        static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(v -> values.add(v.asString()));
            return values;
        }

        List<String> titles(String uri) {
            List<String> titles = new ArrayList<>();
            api(admin()).get(uri, 200).forEach(t -> titles.add(t.get("title").asString()));
            return titles;
        }

        long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }

        @Test
        void staffTagATicketWhenFilingItAndEveryAnswerCarriesTheTagsSorted() {
            JsonNode ticket = create("Refund", "r@example.com", "[\"VIP\", \" billing\", \"vip\"]");
            assertThat(strings(ticket.get("tags"))).containsExactly("billing", "vip");
            assertThat(strings(
                            api(admin()).get("/api/tickets/" + id(ticket), 200).get("tags")))
                    .containsExactly("billing", "vip");
            assertThat(strings(api(admin()).get("/api/tickets", 200).get(0).get("tags")))
                    .containsExactly("billing", "vip");
            assertThat(strings(create("Untagged", "u@example.com", "null").get("tags")))
                    .isEmpty();
            assertThat(count("SELECT COUNT(*) FROM ticket_tags")).isEqualTo(2);
        }

        @Test
        void customersCannotTagTheirTicketsNorSeeStaffsTags() {
            String body =
                    "{\"title\":\"Mine\",\"description\":\"d\",\"contact_email\":\"c@example.com\",\"tags\":[\"x\"]}";
            JsonNode refused = api(anonymous()).post("/api/tickets", body, 400);
            assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("tags");
            assertThat(refused.get("errors").get(0).get("message").asString()).isEqualTo("only staff can tag a ticket");
            assertThat(count("SELECT COUNT(*) FROM tickets")).isZero();
            api(anonymous())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"Mine\",\"description\":\"d\",\"contact_email\":\"c@example.com\",\"tags\":[]}",
                            201);

            String tagged = id(create("Angry", "c@example.com", "[\"difficult-customer\"]"));
            JsonNode seen =
                    api(withBearer(customerAccess.token("c@example.com"))).get("/api/tickets/" + tagged, 200);
            assertThat(seen.get("tags")).isEmpty();
            assertThat(seen.toString()).doesNotContain("difficult");
        }

        @Test
        void anUpdateReplacesTheTagsAbsentKeepsThemAndAnEmptyListRemovesThem() {
            JsonNode ticket = create("Retag", "t@example.com", "[\"a\", \"b\"]");
            String id = id(ticket);

            JsonNode replaced = put(id, "{\"tags\":[\"c\", \"b\"]}");
            assertThat(strings(replaced.get("tags"))).containsExactly("b", "c");
            assertThat(replaced.get("version").asInt()).isEqualTo(2);
            JsonNode untouched = put(id, "{\"priority\":\"low\"}");
            assertThat(strings(untouched.get("tags"))).containsExactly("b", "c");
            assertThat(put(id, "{\"tags\":[\"B\", \"c\"]}").get("version").asInt())
                    .as("the same tags are no change")
                    .isEqualTo(3);
            assertThat(put(id, "{\"tags\":null}").get("tags")).hasSize(2);
            assertThat(put(id, "{\"tags\":[]}").get("tags")).isEmpty();
            assertThat(count("SELECT COUNT(*) FROM ticket_tags")).isZero();

            JsonNode timeline = api(admin()).get("/api/tickets/" + id + "/timeline", 200);
            List<String> tagChanges = new ArrayList<>();
            timeline.forEach(entry -> entry.get("changes").forEach(change -> {
                if (change.get("field").asString().equals("tags")) {
                    tagChanges.add(shown(change.get("old_value")) + " -> " + shown(change.get("new_value")));
                }
            }));
            assertThat(tagChanges).containsExactly("a, b -> b, c", "b, c -> none");
            assertThat(timeline.get(1).get("by").asString()).isEqualTo(ADMIN_EMAIL);
        }

        @Test
        void badTagsAreRefusedNamingEachItemAndNothingIsWritten() {
            String id = id(create("Strict", "s@example.com", "[\"keep\"]"));
            JsonNode refused = api(admin())
                    .put(
                            "/api/tickets/" + id,
                            "{\"status\":\"pending\",\"tags\":[\"ok\", \"two words\", \"\", \"a/b\"]}",
                            400);
            assertThat(refused.get("type").asString()).isEqualTo("/problems/validation");
            List<String> fields = new ArrayList<>();
            refused.get("errors")
                    .forEach(e -> fields.add(
                            e.get("field").asString() + ": " + e.get("message").asString()));
            assertThat(fields)
                    .containsExactly(
                            "tags[1]: must not contain spaces; join words with - or _",
                            "tags[2]: must not be blank",
                            "tags[3]: may only contain letters, digits, '-', '_' and '.'");

            StringBuilder many = new StringBuilder("[");
            for (int i = 0; i <= TicketTags.MAX_PER_TICKET; i++) {
                many.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
            }
            JsonNode tooMany = api(admin()).put("/api/tickets/" + id, "{\"tags\":" + many + "]}", 400);
            assertThat(tooMany.get("errors").get(0).get("field").asString()).isEqualTo("tags");
            JsonNode tooLong = api(admin())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"t\",\"description\":\"d\",\"contact_email\":\"l@example.com\",\"tags\":[\""
                                    + "x".repeat(51) + "\"]}",
                            400);
            assertThat(tooLong.get("errors").get(0).get("field").asString()).isEqualTo("tags[0]");
            JsonNode notStrings = api(admin()).put("/api/tickets/" + id, "{\"tags\":\"billing\"}", 400);
            assertThat(notStrings.toString()).contains("tags");

            JsonNode ticket = api(admin()).get("/api/tickets/" + id, 200);
            assertThat(ticket.get("status").asString()).isEqualTo("new");
            assertThat(ticket.get("version").asInt()).isEqualTo(1);
            assertThat(strings(ticket.get("tags"))).containsExactly("keep");
            assertThat(count("SELECT COUNT(*) FROM tickets")).isEqualTo(1);
        }

        @Test
        void theListFiltersByTagsThatMustAllMatch() {
            create("Both", "a@example.com", "[\"billing\", \"vip\"]");
            create("Billing only", "b@example.com", "[\"billing\"]");
            String vip = id(create("Vip only", "c@example.com", "[\"vip\"]"));
            create("None", "d@example.com", "[]");
            create("Prefix lookalike", "e@example.com", "[\"billing-eu\"]");
            put(vip, "{\"status\":\"pending\"}");

            assertThat(titles("/api/tickets?tag=billing")).containsExactly("Billing only", "Both");
            assertThat(titles("/api/tickets?tag=vip&tag=billing")).containsExactly("Both");
            assertThat(titles("/api/tickets?tag=VIP&status=pending")).containsExactly("Vip only");
            assertThat(titles("/api/tickets?tag=vip&tag=none-such")).isEmpty();
            assertThat(titles("/api/tickets?tag=")).hasSize(5);
            assertThat(titles("/api/tickets?tag=billing&q=only")).containsExactly("Billing only");

            JsonNode bad = api(admin()).get("/api/tickets?tag=a b", 400);
            assertThat(refusedField("/api/tickets?tag=a b")).isEqualTo("tag");
            assertThat(bad.get("errors").get(0).get("message").asString()).startsWith("must not contain spaces");
        }

        @Test
        void aTagFilteredListPagesWithItsFilter() {
            for (int i = 0; i < 3; i++) {
                create("Tagged " + i, "p@example.com", "[\"paged\"]");
                create("Other " + i, "p@example.com", "[\"other\"]");
            }
            List<String> seen = new ArrayList<>();
            String next = "/api/tickets?tag=paged&limit=2";
            while (next != null) {
                var page = admin().get()
                        .uri(next)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult();
                api(admin())
                        .json()
                        .readTree(page.getResponseBody())
                        .forEach(t -> seen.add(t.get("title").asString()));
                next = TicketApiTests.Contract.nextLink(
                        page.getResponseHeaders().getFirst(HttpHeaders.LINK));
            }
            assertThat(seen).containsExactly("Tagged 2", "Tagged 1", "Tagged 0");
        }

        @Test
        void suggestionsAreTheTagsInUseMostUsedFirstWithTheirCounts() {
            create("One", "a@example.com", "[\"billing\", \"bug\", \"vip\"]");
            create("Two", "a@example.com", "[\"billing\", \"bug\"]");
            create("Three", "a@example.com", "[\"billing\", \"beta\"]");
            create("Four", "a@example.com", "[\"vip\", \"größe\"]");

            JsonNode all = api(admin()).get("/api/tags", 200);
            List<String> listed = new ArrayList<>();
            all.forEach(t ->
                    listed.add(t.get("tag").asString() + " " + t.get("tickets").asLong()));
            assertThat(listed).containsExactly("billing 3", "bug 2", "vip 2", "beta 1", "größe 1");
            List<String> startingWithB = new ArrayList<>();
            api(admin())
                    .get("/api/tags?prefix=B", 200)
                    .forEach(t -> startingWithB.add(t.get("tag").asString()));
            assertThat(startingWithB).containsExactly("billing", "bug", "beta");
            assertThat(api(admin()).get("/api/tags?prefix=bi&limit=1", 200)).hasSize(1);
            admin().get()
                    .uri(builder -> builder.path("/api/tags")
                            .queryParam("prefix", "GRÖ")
                            .build())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[0].tag")
                    .isEqualTo("größe");
            assertThat(api(admin()).get("/api/tags?prefix=x", 200)).isEmpty();

            for (String bad : List.of("limit=0", "limit=51", "prefix=a b")) {
                assertThat(refusedField("/api/tags?" + bad)).isEqualTo(bad.substring(0, bad.indexOf('=')));
            }
            anonymous().get().uri("/api/tags").exchange().expectStatus().isUnauthorized();
            withBearer(customerAccess.token("a@example.com"))
                    .get()
                    .uri("/api/tags")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void erasingACustomerDeletesTheirTicketsTagsAndTheirTagHistory() {
            String erased = id(create("Erase me", "gone@example.com", "[\"acme.com\"]"));
            put(erased, "{\"tags\":[\"acme.com\", \"vip\"]}");
            create("Stays", "stays@example.com", "[\"vip\"]");

            JsonNode report = api(admin()).post("/api/privacy/erase", "{\"email\":\"gone@example.com\"}", 200);
            assertThat(report.at("/counts/tags_deleted").asInt()).isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM ticket_tags")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM ticket_tags WHERE tag = 'acme.com'"))
                    .isZero();
            assertThat(count("SELECT COUNT(*) FROM ticket_changes WHERE field = 'tags' AND (old_value LIKE '%acme%'"
                            + " OR new_value LIKE '%acme%')"))
                    .isZero();
            assertThat(api(admin()).get("/api/tickets/" + erased, 200).get("tags"))
                    .isEmpty();
        }

        @Test
        void aDeletedTicketTakesItsTagsAlongAndATagNeedsItsTicket() {
            String id = id(create("Deleted", "del@example.com", "[\"a\", \"b\"]"));
            jdbc.sql("DELETE FROM notifications WHERE ticket_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM ticket_changes WHERE ticket_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM ticket_status_history WHERE ticket_id = :id")
                    .param("id", id)
                    .update();
            jdbc.sql("DELETE FROM tickets WHERE id = :id").param("id", id).update();
            assertThat(count("SELECT COUNT(*) FROM ticket_tags")).isZero();

            assertThatThrownBy(() -> jdbc.sql("INSERT INTO ticket_tags (ticket_id, tag, ticket_created_at)"
                                    + " VALUES ('no-such-ticket', 'x', '2026-01-01T00:00:00.000000Z')")
                            .update())
                    .isInstanceOf(org.springframework.dao.DataAccessException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                            .contains("foreign key"));
        }

        /** The field a refused request names first. */
        private String refusedField(String uri) {
            return api(admin()).get(uri, 400).get("errors").get(0).get("field").asString();
        }

        private static String shown(JsonNode value) {
            return value.isNull() ? "none" : value.asString();
        }
    }
}
