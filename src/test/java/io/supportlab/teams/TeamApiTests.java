package io.supportlab.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.ApiClient;
import io.supportlab.testing.DatabaseCleaner;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Teams over HTTP, on SQLite and on PostgreSQL: managing them, and how they assign tickets. */
class TeamApiTests {

    static final String PASSWORD = "quiet-harbor-kestrel-41";

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        /** A staff account; answers its id. */
        String staff(String email, String role) {
            return api(admin())
                    .post(
                            "/api/users",
                            "{\"email\":\"" + email + "\",\"display_name\":\"" + email.substring(0, email.indexOf('@'))
                                    + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}",
                            201)
                    .get("id")
                    .asString();
        }

        String agent(String email) {
            return staff(email, "agent");
        }

        ApiClient as(String email) {
            return api(withBasicAuth(email, PASSWORD));
        }

        JsonNode team(String name, String assignment, String... members) {
            String list = String.join("\",\"", members);
            return api(admin())
                    .post(
                            "/api/teams",
                            "{\"name\":\"" + name + "\",\"assignment\":\"" + assignment + "\",\"members\":["
                                    + (members.length == 0 ? "" : "\"" + list + "\"") + "]}",
                            201);
        }

        /** A ticket filed by staff, in {@code team} (null: the default). */
        JsonNode ticket(String title, String team) {
            return api(admin())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"" + title
                                    + "\",\"description\":\"Details\",\"contact_email\":\"c@example.com\""
                                    + (team == null ? "" : ",\"team\":\"" + team + "\"") + "}",
                            201);
        }

        JsonNode put(String path, String body) {
            return api(admin()).put(path, body, 200);
        }

        static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        /** The emails of agents, in the order round-robin serves them first: by account id. */
        static List<String> turnOrder(List<String[]> idAndEmail) {
            return idAndEmail.stream()
                    .sorted(Comparator.comparing((String[] a) -> a[0]))
                    .map(a -> a[1])
                    .toList();
        }

        @Test
        void everyTicketBelongsToATeamTheDefaultOneUnlessStaffNameAnother() {
            JsonNode teams = api(admin()).get("/api/teams", 200);
            assertThat(teams).hasSize(1);
            assertThat(text(teams.get(0), "id")).isEqualTo(DatabaseCleaner.GENERAL_TEAM);
            assertThat(text(teams.get(0), "name")).isEqualTo("General");
            assertThat(teams.get(0).get("is_default").asBoolean()).isTrue();
            assertThat(text(teams.get(0), "assignment")).isEqualTo("manual");

            JsonNode fromCustomer = api(anonymous())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"t\",\"description\":\"d\",\"contact_email\":\"c@example.com\"}",
                            201);
            assertThat(text(fromCustomer, "team")).isEqualTo(DatabaseCleaner.GENERAL_TEAM);
            assertThat(text(fromCustomer, "assignee")).isNull();

            JsonNode chosen = api(anonymous())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"t\",\"description\":\"d\",\"contact_email\":\"c@example.com\",\"team\":\"General\"}",
                            400);
            assertThat(text(chosen.get("errors").get(0), "field")).isEqualTo("team");

            JsonNode billing = team("Billing", "manual");
            assertThat(text(ticket("By name", "billing"), "team")).isEqualTo(text(billing, "id"));
            assertThat(text(ticket("By id", text(billing, "id")), "team")).isEqualTo(text(billing, "id"));
            JsonNode unknown = api(admin())
                    .post(
                            "/api/tickets",
                            "{\"title\":\"t\",\"description\":\"d\",\"contact_email\":\"c@example.com\",\"team\":\"Nope\"}",
                            400);
            assertThat(text(unknown.get("errors").get(0), "field")).isEqualTo("team");
            assertThat(api(admin()).get("/api/tickets?team=Billing", 200)).hasSize(2);
            assertThat(api(admin()).get("/api/tickets?team=" + DatabaseCleaner.GENERAL_TEAM, 200))
                    .hasSize(1);
            assertThat(text(
                            api(admin())
                                    .get("/api/tickets?team=Nope", 400)
                                    .get("errors")
                                    .get(0),
                            "field"))
                    .isEqualTo("team");
        }

        @Test
        void adminsManageTeamsAgentsReadThemAndChangesAreAudited() {
            agent("ann@example.com");
            String name = "Support " + UUID.randomUUID().toString().substring(0, 8);
            as("ann@example.com").get("/api/teams", 200);
            as("ann@example.com").post("/api/teams", "{\"name\":\"Mine\"}", 403);

            JsonNode created = api(admin())
                    .post(
                            "/api/teams",
                            "{\"name\":\"" + name + "\",\"description\":\"First line\",\"assignment\":\"round-robin\","
                                    + "\"members\":[\"ANN@example.com\"]}",
                            201);
            String id = text(created, "id");
            assertThat(text(created, "description")).isEqualTo("First line");
            assertThat(text(created, "assignment")).isEqualTo("round-robin");
            assertThat(created.get("is_default").asBoolean()).isFalse();
            assertThat(text(created.get("members").get(0), "email")).isEqualTo("ann@example.com");
            assertThat(created.get("members").get(0).get("available").asBoolean())
                    .isTrue();

            as("ann@example.com").put("/api/teams/" + id, "{\"description\":\"x\"}", 403);
            as("ann@example.com").delete("/api/teams/" + id, 403);
            assertThat(text(as("ann@example.com").get("/api/teams/" + name.toLowerCase(), 200), "id"))
                    .isEqualTo(id);

            JsonNode updated =
                    put("/api/teams/" + id, "{\"description\":\"\",\"assignment\":\"fewest-open\",\"members\":[]}");
            assertThat(text(updated, "name")).isEqualTo(name);
            assertThat(text(updated, "description")).isNull();
            assertThat(text(updated, "assignment")).isEqualTo("fewest-open");
            assertThat(updated.get("members")).isEmpty();

            api(admin()).delete("/api/teams/" + id, 200);
            api(admin()).get("/api/teams/" + id, 404);

            List<String> actions = jdbc.sql("SELECT action FROM audit_log WHERE target = :name ORDER BY created_at, id")
                    .param("name", name)
                    .query(String.class)
                    .list();
            assertThat(actions).containsExactly("team.created", "team.updated", "team.deleted");
            String details = jdbc.sql("SELECT details FROM audit_log WHERE target = :name AND action = 'team.updated'")
                    .param("name", name)
                    .query(String.class)
                    .single();
            assertThat(details).contains("assignment round-robin → fewest-open").contains("members none");
        }

        @Test
        void badInputIsAProblemNamingTheFieldAndWritesNothing() {
            JsonNode blank = api(admin()).post("/api/teams", "{\"name\":\"  \"}", 400);
            assertThat(text(blank.get("errors").get(0), "field")).isEqualTo("name");
            JsonNode missing = api(admin()).post("/api/teams", "{\"assignment\":\"manual\"}", 400);
            assertThat(text(missing.get("errors").get(0), "field")).isEqualTo("name");
            JsonNode tooLong = api(admin()).post("/api/teams", "{\"name\":\"" + "x".repeat(101) + "\"}", 400);
            assertThat(text(tooLong.get("errors").get(0), "field")).isEqualTo("name");
            JsonNode stranger =
                    api(admin()).post("/api/teams", "{\"name\":\"Ghosts\",\"members\":[\"nobody@example.com\"]}", 400);
            assertThat(text(stranger.get("errors").get(0), "field")).isEqualTo("members");
            assertThat(text(stranger.get("errors").get(0), "message")).contains("nobody@example.com");
            api(admin()).post("/api/teams", "{\"name\":\"Odd\",\"assignment\":\"lottery\"}", 400);

            team("Billing", "manual");
            JsonNode twin = api(admin()).post("/api/teams", "{\"name\":\"BILLING\"}", 409);
            assertThat(text(twin, "type")).isEqualTo("/problems/conflict");
            assertThat(api(admin()).get("/api/teams", 200)).hasSize(2);
            api(admin()).put("/api/teams/" + UUID.randomUUID(), "{\"name\":\"x\"}", 404);
        }

        @Test
        void oneTeamIsTheDefaultAlwaysAndCannotBeDeleted() {
            JsonNode sales = team("Sales", "manual");
            String id = text(sales, "id");
            assertThat(put("/api/teams/" + id, "{\"is_default\":true}")
                            .get("is_default")
                            .asBoolean())
                    .isTrue();
            assertThat(api(admin())
                            .get("/api/teams/General", 200)
                            .get("is_default")
                            .asBoolean())
                    .isFalse();
            assertThat(text(
                            api(anonymous())
                                    .post(
                                            "/api/tickets",
                                            "{\"title\":\"t\",\"description\":\"d\",\"contact_email\":\"c@example.com\"}",
                                            201),
                            "team"))
                    .isEqualTo(id);

            JsonNode notDefault = api(admin()).put("/api/teams/" + id, "{\"is_default\":false}", 409);
            assertThat(text(notDefault, "default_team")).isEqualTo(id);
            api(admin()).delete("/api/teams/" + id, 409);
            assertThat(api(admin()).get("/api/teams", 200)).hasSize(2);
        }

        @Test
        void deletingATeamMovesItsTicketsToTheDefaultTeamKeepingTheirAssignees() {
            agent("ann@example.com");
            JsonNode returns = team("Returns", "manual", "ann@example.com");
            String teamId = text(returns, "id");
            JsonNode ticket = ticket("Broken parcel", "Returns");
            String id = text(ticket, "id");
            put("/api/tickets/" + id, "{\"assignee\":\"ann@example.com\"}");

            JsonNode deleted = api(admin()).delete("/api/teams/" + teamId, 200);
            assertThat(deleted.get("tickets_moved").asInt()).isEqualTo(1);
            assertThat(text(deleted, "moved_to")).isEqualTo(DatabaseCleaner.GENERAL_TEAM);

            JsonNode moved = api(admin()).get("/api/tickets/" + id, 200);
            assertThat(text(moved, "team")).isEqualTo(DatabaseCleaner.GENERAL_TEAM);
            assertThat(text(moved, "assignee")).isEqualTo("ann@example.com");
            assertThat(moved.get("version").asInt())
                    .isEqualTo(ticket.get("version").asInt() + 2);
            JsonNode last = lastEntry(id);
            assertThat(text(last, "note")).isEqualTo("Team Returns was deleted");
            assertThat(text(last.get("changes").get(0), "field")).isEqualTo("team");
            assertThat(text(last.get("changes").get(0), "old_value")).isEqualTo("a deleted team");
            assertThat(text(last.get("changes").get(0), "new_value")).isEqualTo("General");
        }

        JsonNode lastEntry(String ticketId) {
            JsonNode timeline = api(admin()).get("/api/tickets/" + ticketId + "/timeline", 200);
            return timeline.get(timeline.size() - 1);
        }

        @Test
        void roundRobinGivesAvailableMembersTurnsAndRecordsEachAssignment() {
            List<String[]> agents = new ArrayList<>();
            for (String email : List.of("cat@example.com", "ann@example.com", "ben@example.com")) {
                agents.add(new String[] {agent(email), email});
            }
            List<String> order = turnOrder(agents);
            team("Front desk", "round-robin", "ann@example.com", "ben@example.com", "cat@example.com");

            List<String> assignees = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                JsonNode ticket = ticket("Question " + i, "Front desk");
                assignees.add(text(ticket, "assignee"));
                ids.add(text(ticket, "id"));
            }
            assertThat(assignees).containsExactlyElementsOf(concat(order, order));

            JsonNode timeline = api(admin()).get("/api/tickets/" + ids.getFirst() + "/timeline", 200);
            assertThat(timeline).hasSize(2);
            JsonNode automatic = timeline.get(1);
            assertThat(text(automatic, "by")).isEqualTo("system");
            assertThat(text(automatic, "note")).isEqualTo("Automatic assignment (round-robin in team Front desk)");
            assertThat(text(automatic.get("changes").get(0), "field")).isEqualTo("assignee");
            assertThat(text(automatic.get("changes").get(0), "new_value")).isEqualTo(order.getFirst());

            // The public form's tickets go to the default team, which assigns manually.
            assertThat(text(ticket("Elsewhere", null), "assignee")).isNull();
        }

        static List<String> concat(List<String> a, List<String> b) {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }

        @Test
        void fewestOpenPicksTheMemberWithTheFewestTicketsNeitherResolvedNorClosed() {
            agent("ann@example.com");
            agent("ben@example.com");
            agent("cat@example.com");
            // Waiting tickets (pending on the customer, on hold on a third party) are open too.
            assign("ann@example.com", 1);
            assign("ann@example.com", 1, "on-hold");
            assign("ben@example.com", 1);
            assign("ben@example.com", 2, "closed");
            assign("ben@example.com", 1, "in-progress", "resolved");
            assign("cat@example.com", 2);
            assign("cat@example.com", 1, "pending");
            team("Escalations", "fewest-open", "ann@example.com", "ben@example.com", "cat@example.com");

            assertThat(text(ticket("First", "Escalations"), "assignee")).isEqualTo("ben@example.com");
            // Now ann and ben have two open each, cat three: of the two, ben just had a turn.
            assertThat(text(ticket("Second", "Escalations"), "assignee")).isEqualTo("ann@example.com");
            // ann and cat now have three, ben two.
            assertThat(text(ticket("Third", "Escalations"), "assignee")).isEqualTo("ben@example.com");
        }

        /** {@code count} tickets in the default team assigned to {@code email}, then moved through {@code statuses}. */
        void assign(String email, int count, String... statuses) {
            for (int i = 0; i < count; i++) {
                String id = text(ticket("For " + email, null), "id");
                put("/api/tickets/" + id, "{\"assignee\":\"" + email + "\"}");
                for (String status : statuses) {
                    put("/api/tickets/" + id, "{\"status\":\"" + status + "\"}");
                }
            }
        }

        @Test
        void membersWhoAreAwayGetNoTicketsAndWithNobodyAvailableTheTicketStaysUnassigned() {
            agent("ann@example.com");
            agent("ben@example.com");
            team("Nights", "round-robin", "ann@example.com", "ben@example.com");
            assertThat(as("ann@example.com")
                            .get("/api/me/availability", 200)
                            .get("available")
                            .asBoolean())
                    .isTrue();
            assertThat(as("ann@example.com")
                            .put("/api/me/availability", "{\"available\":false}", 200)
                            .get("available")
                            .asBoolean())
                    .isFalse();
            as("ann@example.com").put("/api/me/availability", "{}", 400);
            assertThat(as("ann@example.com")
                            .get("/api/me/availability", 200)
                            .get("available")
                            .asBoolean())
                    .isFalse();
            JsonNode nights = api(admin()).get("/api/teams/Nights", 200);
            assertThat(nights.get("members").get(0).get("available").asBoolean())
                    .isFalse();

            assertThat(text(ticket("One", "Nights"), "assignee")).isEqualTo("ben@example.com");
            assertThat(text(ticket("Two", "Nights"), "assignee")).isEqualTo("ben@example.com");

            as("ben@example.com").put("/api/me/availability", "{\"available\":false}", 200);
            JsonNode nobody = ticket("Three", "Nights");
            assertThat(text(nobody, "assignee")).isNull();
            assertThat(api(admin()).get("/api/tickets/" + text(nobody, "id") + "/timeline", 200))
                    .hasSize(1);

            as("ann@example.com").put("/api/me/availability", "{\"available\":true}", 200);
            assertThat(text(ticket("Four", "Nights"), "assignee")).isEqualTo("ann@example.com");
        }

        @Test
        void oneChangeMovesAndTagsATicketAndTheListFiltersByTeamAndTagTogether() {
            team("Billing", "manual");
            String charged = text(ticket("Charged twice", null), "id");
            JsonNode changed = put("/api/tickets/" + charged, "{\"team\":\"Billing\",\"tags\":[\"VIP\",\"refund\"]}");
            assertThat(changed.get("version").asInt()).isEqualTo(2);
            assertThat(texts(changed.get("tags"), null)).containsExactly("refund", "vip");
            JsonNode timeline = api(admin()).get("/api/tickets/" + charged + "/timeline", 200);
            assertThat(timeline).hasSize(2);
            assertThat(texts(timeline.get(1).get("changes"), "field")).containsExactly("team", "tags");
            assertThat(texts(timeline.get(1).get("changes"), "new_value")).containsExactly("Billing", "refund, vip");

            String vipElsewhere = text(ticket("VIP in General", null), "id");
            put("/api/tickets/" + vipElsewhere, "{\"tags\":[\"vip\"]}");
            ticket("Untagged", "Billing");

            assertThat(api(admin()).get("/api/tickets?tag=vip", 200)).hasSize(2);
            assertThat(api(admin()).get("/api/tickets?team=Billing", 200)).hasSize(2);
            assertThat(texts(api(admin()).get("/api/tickets?team=Billing&tag=vip", 200), "id"))
                    .containsExactly(charged);
            assertThat(texts(api(admin()).get("/api/tickets?team=General&tag=vip&tag=refund", 200), "id"))
                    .isEmpty();
        }

        /** Each element's {@code field} as text, or each element itself for null. */
        static List<String> texts(JsonNode array, String field) {
            List<String> texts = new ArrayList<>();
            for (JsonNode element : array) {
                texts.add(field == null ? element.asString() : text(element, field));
            }
            return texts;
        }

        @Test
        void movingATicketToAnotherTeamAssignsItOnlyWhenItIsUnassigned() {
            agent("ann@example.com");
            String cat = agent("cat@example.com");
            team("Tier 2", "round-robin", "ann@example.com");
            team("Archive", "manual", "ann@example.com");

            String unassigned = text(ticket("Hard one", null), "id");
            JsonNode moved = put("/api/tickets/" + unassigned, "{\"team\":\"Tier 2\"}");
            assertThat(text(moved, "assignee")).isEqualTo("ann@example.com");
            assertThat(moved.get("version").asInt()).isEqualTo(2);
            JsonNode timeline = api(admin()).get("/api/tickets/" + unassigned + "/timeline", 200);
            assertThat(timeline).hasSize(3);
            assertThat(text(timeline.get(1), "by")).isEqualTo(ADMIN_EMAIL);
            assertThat(text(timeline.get(1).get("changes").get(0), "field")).isEqualTo("team");
            assertThat(text(timeline.get(1).get("changes").get(0), "old_value")).isEqualTo("General");
            assertThat(text(timeline.get(1).get("changes").get(0), "new_value")).isEqualTo("Tier 2");
            assertThat(text(timeline.get(2), "by")).isEqualTo("system");
            assertThat(text(timeline.get(2).get("changes").get(0), "new_value")).isEqualTo("ann@example.com");

            String assigned = text(ticket("Cat's", null), "id");
            put("/api/tickets/" + assigned, "{\"assignee\":\"cat@example.com\"}");
            assertThat(text(put("/api/tickets/" + assigned, "{\"team\":\"Tier 2\"}"), "assignee"))
                    .isEqualTo("cat@example.com");

            String toManual = text(ticket("Old", null), "id");
            assertThat(text(put("/api/tickets/" + toManual, "{\"team\":\"Archive\"}"), "assignee"))
                    .isNull();

            // Unassigning and moving in one change: the new team assigns.
            JsonNode both = put("/api/tickets/" + assigned, "{\"team\":\"General\",\"assignee\":\"\"}");
            assertThat(text(both, "assignee")).isNull();
            JsonNode back = put("/api/tickets/" + assigned, "{\"team\":\"Tier 2\"}");
            assertThat(text(back, "assignee")).isEqualTo("ann@example.com");
            // Staying in the team assigns nobody.
            JsonNode same = put("/api/tickets/" + toManual, "{\"team\":\"Archive\",\"priority\":\"high\"}");
            assertThat(text(same, "assignee")).isNull();

            assertThat(text(
                            api(admin())
                                    .put("/api/tickets/" + toManual, "{\"team\":\"\"}", 400)
                                    .get("errors")
                                    .get(0),
                            "field"))
                    .isEqualTo("team");
            assertThat(text(
                            api(admin())
                                    .put("/api/tickets/" + toManual, "{\"team\":\"Nope\"}", 400)
                                    .get("errors")
                                    .get(0),
                            "field"))
                    .isEqualTo("team");
            assertThat(cat).isNotBlank();
        }
    }
}
