package io.supportlab.macros;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placeholders in a macro's body: which are refused when it is saved, and how they are filled in. */
class MacroBodyTests {

    static final Instant NOW = Instant.parse("2026-11-28T15:00:00Z");

    static final Ticket TICKET = new Ticket(
            "0193-ticket",
            "SL-1042",
            "Printer jams",
            "Every second page",
            TicketPriority.MEDIUM,
            TicketStatus.IN_PROGRESS,
            "dana@example.com",
            null,
            "team1",
            3,
            NOW,
            NOW,
            null,
            false,
            List.of());

    static final MacroBody.Values VALUES = new MacroBody.Values(TICKET, "Alex Agent", "alex@staff.example");

    @Test
    void fillsEveryPlaceholder() {
        String body = "Hi {{customer.name}} ({{customer.email}}), about {{ticket.reference}} \"{{ticket.title}}\""
                + " ({{ticket.status}}): {{agent.name}} <{{agent.email}}>";

        assertThat(MacroBody.problems(body)).isEmpty();
        assertThat(MacroBody.render(body, VALUES))
                .isEqualTo("Hi dana@example.com (dana@example.com), about SL-1042 \"Printer jams\" (In Progress):"
                        + " Alex Agent <alex@staff.example>");
    }

    @Test
    void theStatusIsWhatTheCustomerIsShownNotTheStaffsWord() {
        Ticket pending = inStatus(TicketStatus.PENDING);
        Ticket onHold = inStatus(TicketStatus.ON_HOLD);
        assertThat(MacroBody.render("({{ticket.status}})", new MacroBody.Values(pending, "A", "a@b.example")))
                .isEqualTo("(Awaiting your reply)");
        assertThat(MacroBody.render("({{ticket.status}})", new MacroBody.Values(onHold, "A", "a@b.example")))
                .isEqualTo("(In Progress)");
    }

    @Test
    void theCustomersNameIsTheirAddressWhileTicketsHoldNoName() {
        assertThat(MacroBody.render("Dear {{customer.name}},", VALUES)).isEqualTo("Dear dana@example.com,");
    }

    @Test
    void spacesInsideTheBracesAreAllowed() {
        assertThat(MacroBody.problems("Hi {{ customer.name }}")).isEmpty();
        assertThat(MacroBody.render("Hi {{ customer.name }}!", VALUES)).isEqualTo("Hi dana@example.com!");
    }

    @Test
    void aBodyWithoutPlaceholdersStaysAsWritten() {
        String body = "Thanks, we are on it.\n\nCurly { braces } and } stay.";
        assertThat(MacroBody.problems(body)).isEmpty();
        assertThat(MacroBody.render(body, VALUES)).isEqualTo(body);
    }

    @Test
    void anUnknownPlaceholderIsNamedWithTheKnownOnes() {
        var problems = MacroBody.problems("Call {{customer.phone}} or {{ticket.status}}");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.placeholder()).isEqualTo("{{customer.phone}}");
            assertThat(problem.message())
                    .startsWith("unknown placeholder {{customer.phone}}; use {{customer.name}}, {{customer.email}}")
                    .contains("{{agent.email}}");
        });
    }

    @Test
    void placeholdersAreCaseSensitive() {
        assertThat(MacroBody.problems("{{Customer.Name}}"))
                .singleElement()
                .satisfies(
                        problem -> assertThat(problem.message()).startsWith("unknown placeholder {{Customer.Name}}"));
    }

    @Test
    void malformedPlaceholdersAreRefusedEachInTurn() {
        var problems = MacroBody.problems("A {{customer.name} B\n{{{ticket.title}}} C {{}} D {{agent name}}");

        assertThat(problems)
                .extracting(MacroBody.Problem::placeholder)
                .containsExactly("{{customer.name} B", "{{{ticket.title}}", "{{}}", "{{agent name}}");
        assertThat(problems.get(0).message())
                .isEqualTo("placeholder {{customer.name} B is not closed with }} on its line");
        assertThat(problems.get(1).message()).startsWith("malformed placeholder {{{ticket.title}}");
        assertThat(problems.get(3).message()).startsWith("malformed placeholder {{agent name}}");
    }

    @Test
    void aPlaceholderDoesNotSpanLinesOrSwallowTheNextOne() {
        assertThat(MacroBody.problems("{{customer.\nname}}"))
                .singleElement()
                .satisfies(problem -> assertThat(problem.placeholder()).isEqualTo("{{customer."));
        assertThat(MacroBody.problems("{{customer.name {{agent.name}}"))
                .extracting(MacroBody.Problem::placeholder)
                .containsExactly("{{customer.name");
    }

    @Test
    void anUnclosedPlaceholderIsQuotedShort() {
        var problems = MacroBody.problems("Hello {{customer.name and then a very long sentence without an end");
        assertThat(problems)
                .singleElement()
                .satisfies(problem -> assertThat(problem.placeholder()).isEqualTo("{{customer.name and then a ver…"));
    }

    @Test
    void renderingLeavesWhatIsNoPlaceholderAsWritten() {
        assertThat(MacroBody.render("{{customer.phone}} {{customer.name} {{agent.name}}", VALUES))
                .isEqualTo("{{customer.phone}} {{customer.name} Alex Agent");
    }

    @Test
    void valuesAreInsertedLiterally() {
        Ticket odd = new Ticket(
                "id",
                "SL-1",
                "{{agent.name}} $1 \\ <b>",
                "d",
                TicketPriority.LOW,
                TicketStatus.NEW,
                "a@b.example",
                null,
                "team1",
                1,
                NOW,
                NOW,
                null,
                false,
                List.of());
        assertThat(MacroBody.render("{{ticket.title}}", new MacroBody.Values(odd, "X", "x@y.example")))
                .isEqualTo("{{agent.name}} $1 \\ <b>");
    }

    private static Ticket inStatus(TicketStatus status) {
        return new Ticket(
                TICKET.id(),
                TICKET.reference(),
                TICKET.title(),
                TICKET.description(),
                TICKET.priority(),
                status,
                TICKET.contactEmail(),
                TICKET.assignee(),
                TICKET.team(),
                TICKET.version(),
                TICKET.createdAt(),
                TICKET.updatedAt(),
                TICKET.firstResponseAt(),
                TICKET.spam(),
                TICKET.tags());
    }
}
