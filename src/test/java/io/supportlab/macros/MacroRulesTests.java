package io.supportlab.macros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.tickets.Reply;
import io.supportlab.tickets.TicketChange;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who may use and change a macro, and what its actions do. */
class MacroRulesTests {

    static final Agent ADMIN = new Agent("admin@staff.example", true);
    static final Agent AGENT = new Agent("agent@staff.example", false);
    static final Agent OTHER = new Agent("other@staff.example", false);

    static Macro macro(MacroVisibility visibility, String owner) {
        Instant now = Instant.parse("2026-11-28T15:00:00Z");
        return new Macro(
                "m1", "Thanks", "Thanks!", visibility, owner, MacroActions.NONE, 0, null, ADMIN.email(), now, now);
    }

    @Test
    void everyoneUsesASharedMacroAndOnlyAdminsChangeIt() {
        Macro shared = macro(MacroVisibility.SHARED, null);
        assertThat(shared.visibleTo(AGENT)).isTrue();
        assertThat(shared.editableBy(AGENT)).isFalse();
        assertThat(shared.editableBy(ADMIN)).isTrue();
    }

    @Test
    void aPersonalMacroIsItsOwnersAloneEvenForAdmins() {
        Macro personal = macro(MacroVisibility.PERSONAL, "Agent@Staff.example");
        assertThat(personal.visibleTo(AGENT)).isTrue();
        assertThat(personal.editableBy(AGENT)).isTrue();
        assertThat(personal.visibleTo(OTHER)).isFalse();
        assertThat(personal.visibleTo(ADMIN)).isFalse();
        assertThat(personal.editableBy(ADMIN)).isFalse();
    }

    @Test
    void sharedMeansWithoutOwner() {
        assertThatThrownBy(() -> macro(MacroVisibility.SHARED, AGENT.email()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> macro(MacroVisibility.PERSONAL, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actionsChangeOnlyTheFieldsTheyName() {
        assertThat(MacroActions.NONE.ticketChange()).isNull();
        assertThat(MacroActions.NONE.effects()).containsExactly("Public reply");

        MacroActions resolve = new MacroActions(TicketStatus.RESOLVED, null, Reply.Visibility.INTERNAL);
        assertThat(resolve.ticketChange()).isEqualTo(new TicketChange(TicketStatus.RESOLVED, null, null, null, null));
        assertThat(resolve.effects()).containsExactly("Internal note", "Status: Resolved");

        MacroActions urgent = new MacroActions(null, TicketPriority.URGENT, Reply.Visibility.PUBLIC);
        assertThat(urgent.ticketChange()).isEqualTo(new TicketChange(null, TicketPriority.URGENT, null, null, null));
        assertThat(urgent.effects()).containsExactly("Public reply", "Priority: Urgent");
    }

    @Test
    void theFormsChoicesBecomeADraftAndAnUnknownValueLeavesTheField() {
        MacroDraft draft = new MacroForm("T", "B", "shared", "in-progress", "bogus", "internal").draft();
        assertThat(draft.visibility()).isEqualTo(MacroVisibility.SHARED);
        assertThat(draft.actionsOrNone())
                .isEqualTo(new MacroActions(TicketStatus.IN_PROGRESS, null, Reply.Visibility.INTERNAL));

        MacroDraft plain = new MacroForm("T", "B", null, "", "", null).draft();
        assertThat(plain.visibility()).isEqualTo(MacroVisibility.PERSONAL);
        assertThat(plain.actionsOrNone()).isEqualTo(MacroActions.NONE);
    }

    @Test
    void aMacroShownInTheFormComesBackUnchanged() {
        Macro macro = new Macro(
                "m2",
                "Escalate",
                "Escalating {{ticket.reference}}",
                MacroVisibility.PERSONAL,
                AGENT.email(),
                new MacroActions(TicketStatus.NEW, TicketPriority.HIGH, Reply.Visibility.INTERNAL),
                4,
                null,
                AGENT.email(),
                Instant.EPOCH,
                Instant.EPOCH);
        MacroDraft draft = MacroForm.of(macro).draft();
        assertThat(draft.title()).isEqualTo("Escalate");
        assertThat(draft.body()).isEqualTo("Escalating {{ticket.reference}}");
        assertThat(draft.visibility()).isEqualTo(MacroVisibility.PERSONAL);
        assertThat(draft.actionsOrNone()).isEqualTo(macro.actions());
    }
}
