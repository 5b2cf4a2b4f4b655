package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Pending (waiting on the customer) and on hold (waiting on a third party) over HTTP, on SQLite and
 * on PostgreSQL: the transitions, the list filter, the customer's reply that puts the ticket back in
 * progress, and what the customer is shown and mailed.
 */
class TicketStatusApiTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        CustomerAccess customerAccess;

        String create(String title, String email) {
            return api(admin())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"" + title + "\",\"description\":\"About " + title + "\",\"contact_email\":\""
                                    + email + "\"}",
                            201)
                    .get("id")
                    .asString();
        }

        JsonNode put(String id, String body) {
            return api(admin()).put("/api/tickets/" + id, body, 200);
        }

        List<String> titles(String uri) {
            List<String> titles = new ArrayList<>();
            api(admin()).get(uri, 200).forEach(t -> titles.add(t.get("title").asString()));
            return titles;
        }

        List<String> emails(String id) {
            List<String> emails = new ArrayList<>();
            api(admin())
                    .get("/api/tickets/" + id + "/notifications", 200)
                    .forEach(e -> emails.add(e.get("subject").asString() + "\n"
                            + e.get("content").asString()));
            return emails;
        }

        @Test
        void pendingAndOnHoldAreStatusesWithHistoryAndAFilter() {
            String waiting = create("Needs logs", "w@example.com");
            String held = create("Vendor bug", "h@example.com");
            create("Fresh", "f@example.com");

            assertThat(put(waiting, "{\"status\":\"pending\",\"notes\":\"Sent us the logs?\"}")
                            .get("status")
                            .asString())
                    .isEqualTo("pending");
            put(held, "{\"status\":\"in-progress\"}");
            assertThat(put(held, "{\"status\":\"on-hold\"}").get("status").asString())
                    .isEqualTo("on-hold");
            // The open statuses move among each other.
            put(held, "{\"status\":\"pending\"}");
            put(held, "{\"status\":\"on-hold\"}");

            assertThat(titles("/api/tickets?status=pending")).containsExactly("Needs logs");
            assertThat(titles("/api/tickets?status=on-hold")).containsExactly("Vendor bug");
            assertThat(titles("/api/tickets?status=ON-HOLD")).containsExactly("Vendor bug");
            JsonNode history = api(admin()).get("/api/tickets/" + held + "/history", 200);
            assertThat(history).hasSize(5);
            assertThat(history.get(2).get("old_status").asString()).isEqualTo("in-progress");
            assertThat(history.get(2).get("new_status").asString()).isEqualTo("on-hold");
            assertThat(api(admin())
                            .get("/api/tickets/" + waiting + "/history", 200)
                            .get(1)
                            .get("notes")
                            .asString())
                    .isEqualTo("Sent us the logs?");

            JsonNode unknown = api(admin()).get("/api/tickets?status=waiting", 400);
            assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("status");
        }

        @Test
        void aResolvedTicketCannotBePutOnHoldAndTheConflictSaysWhatIs() {
            String id = create("Done", "d@example.com");
            put(id, "{\"status\":\"resolved\"}");
            JsonNode conflict = api(admin()).put("/api/tickets/" + id, "{\"status\":\"on-hold\"}", 409);
            assertThat(conflict.get("current_status").asString()).isEqualTo("resolved");
            assertThat(conflict.get("allowed").toString()).isEqualTo("[\"in-progress\",\"closed\"]");
            JsonNode fromNew =
                    api(admin()).put("/api/tickets/" + create("New", "n@example.com"), "{\"status\":\"closed\"}", 200);
            assertThat(fromNew.get("status").asString()).isEqualTo("closed");
        }

        @Test
        void theOpenApiDescriptionListsEveryStatus() {
            JsonNode api = api(anonymous()).get("/v3/api-docs", 200);
            List<String> values = new ArrayList<>();
            api.at("/components/schemas/Ticket/properties/status/enum").forEach(v -> values.add(v.asString()));
            assertThat(values).containsExactly("new", "in-progress", "pending", "on-hold", "resolved", "closed");
            List<String> filter = new ArrayList<>();
            api.at("/paths/~1api~1tickets/get/parameters").forEach(p -> {
                if (p.get("name").asString().equals("status")) {
                    p.at("/schema/enum").forEach(v -> filter.add(v.asString()));
                }
            });
            assertThat(filter).contains("pending", "on-hold");
        }

        @Test
        void aCustomersReplyFromThePortalPutsAPendingTicketBackInProgress() {
            String id = create("Cannot print", "dana@example.com");
            put(id, "{\"status\":\"pending\",\"notes\":\"Which printer model?\"}");

            PageSession customer = new PageSession(baseUrl());
            customer.get("/my/access?token=" + customerAccess.token("dana@example.com"));
            String page = customer.get("/my/tickets/" + id).body();
            assertThat(page)
                    .contains("Awaiting your reply", "We are waiting for your reply")
                    .doesNotContain(">Pending<");
            assertThat(customer.get("/my/tickets").body()).contains("Awaiting your reply");

            HttpResponse<String> replied =
                    customer.post("/my/tickets/" + id + "/replies", Map.of("body", "An HP LaserJet 4"));
            assertThat(replied.uri().getPath()).isEqualTo("/my/tickets/" + id);
            assertThat(replied.body())
                    .contains("Thanks, your reply was sent", "An HP LaserJet 4")
                    .doesNotContain("We are waiting for your reply");

            JsonNode ticket = api(admin()).get("/api/tickets/" + id, 200);
            assertThat(ticket.get("status").asString()).isEqualTo("in-progress");
            JsonNode last =
                    api(admin()).get("/api/tickets/" + id + "/history", 200).get(2);
            assertThat(last.get("old_status").asString()).isEqualTo("pending");
            assertThat(last.get("new_status").asString()).isEqualTo("in-progress");
            assertThat(last.get("changed_by").asString()).isEqualTo("dana@example.com");
            assertThat(last.get("notes").asString()).isEqualTo("Customer replied");
        }

        @Test
        void aCustomersReplyWithTheirTokenPutsAnOnHoldTicketBackInProgress() {
            String id = create("Vendor", "v@example.com");
            put(id, "{\"status\":\"on-hold\"}");
            api(withBearer(customerAccess.token("v@example.com")))
                    .post("/api/tickets/" + id + "/replies", "{\"body\":\"Any news?\"}", 201);
            assertThat(api(admin()).get("/api/tickets/" + id, 200).get("status").asString())
                    .isEqualTo("in-progress");
        }

        @Test
        void customersSeeOnHoldAsInProgressWithoutTheChangesBetweenThem() {
            String id = create("Held", "held@example.com");
            put(id, "{\"status\":\"in-progress\"}");
            put(id, "{\"status\":\"on-hold\",\"notes\":\"Waiting for the ACME ticket 4711\"}");

            var customer = api(withBearer(customerAccess.token("held@example.com")));
            assertThat(customer.get("/api/tickets/" + id, 200).get("status").asString())
                    .isEqualTo("in-progress");
            JsonNode history = customer.get("/api/tickets/" + id + "/history", 200);
            assertThat(history).hasSize(2);
            assertThat(history.get(1).get("new_status").asString()).isEqualTo("in-progress");
            assertThat(history.toString()).doesNotContain("on-hold", "ACME");

            PageSession portal = new PageSession(baseUrl());
            portal.get("/my/access?token=" + customerAccess.token("held@example.com"));
            String page = portal.get("/my/tickets/" + id).body();
            assertThat(page).contains("In Progress").doesNotContain("On Hold", "on-hold", "ACME");
            assertThat(portal.get("/my/tickets").body()).contains("In Progress").doesNotContain("On Hold", "on-hold");

            // Staff see what happened.
            assertThat(api(admin()).get("/api/tickets/" + id + "/history", 200)).hasSize(3);
        }

        @Test
        void theEmailsSayWhatIsTrueForTheCustomer() {
            String id = create("Mails", "mails@example.com");
            put(id, "{\"status\":\"in-progress\"}");
            put(id, "{\"status\":\"on-hold\",\"notes\":\"Vendor case 4711\"}");
            put(id, "{\"status\":\"in-progress\"}");
            put(id, "{\"status\":\"pending\",\"notes\":\"Which version do you use?\"}");
            put(id, "{\"status\":\"on-hold\"}");

            List<String> emails = emails(id);
            // The confirmation, new → in progress, in progress → pending, pending → "in progress".
            assertThat(emails).hasSize(4);
            assertThat(String.join("\n", emails)).doesNotContain("On hold", "on-hold", "Vendor case");
            assertThat(emails.get(2))
                    .contains("Awaiting your reply", "Which version do you use?", "We need some information from you");
            assertThat(emails.get(3)).contains("Awaiting your reply", "In progress");
        }
    }
}
