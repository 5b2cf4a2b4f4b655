package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules of changing a ticket, without a database: what a save writes, records and announces. */
class TicketRulesTests {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOW = CREATED.plus(Duration.ofHours(2));
    static final String AGENT = "agent@x";
    static final String CUSTOMER = "c@x";

    static Ticket ticket(TicketStatus status) {
        return Ticket.builder()
                .id("t1")
                .reference("SL-1001")
                .title("Printer")
                .description("It jams")
                .status(status)
                .contactEmail(CUSTOMER)
                .team("team1")
                .version(3)
                .createdAt(CREATED)
                .build();
    }

    static Reply reply(Reply.AuthorType author, Reply.Visibility visibility) {
        String by = author == Reply.AuthorType.CUSTOMER ? CUSTOMER : AGENT;
        return new Reply("r1", "t1", author, by, "Hello", visibility, NOW);
    }

    @Test
    void aStatusChangeWritesTheNextVersionAndRecordsItsHistoryWithTheNotes() {
        Ticket ticket = ticket(TicketStatus.NEW);
        TicketSave save = ticket.changeStatus(TicketStatus.IN_PROGRESS, "  On it ", AGENT, NOW);

        assertThat(save.after().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(save.after().version()).isEqualTo(4);
        assertThat(save.after().updatedAt()).isEqualTo(NOW);
        assertThat(save.statusChange()).satisfies(s -> {
            assertThat(s.oldStatus()).isEqualTo(TicketStatus.NEW);
            assertThat(s.newStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
            assertThat(s.notes()).isEqualTo("On it");
            assertThat(s.changedBy()).isEqualTo(AGENT);
            assertThat(s.changedAt()).isEqualTo(NOW);
        });
        assertThat(save.fieldChanges()).isEmpty();
        assertThat(save.events(save.after()))
                .singleElement()
                .isEqualTo(new TicketStatusChanged(
                        save.after(), TicketStatus.NEW, TicketStatus.IN_PROGRESS, AGENT, "On it", null));
    }

    @Test
    void aClosedTicketCannotChangeStatusAndTheConflictSaysWhatIsAllowed() {
        assertThatThrownBy(() -> ticket(TicketStatus.CLOSED).changeStatus(TicketStatus.NEW, null, AGENT, NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getBody().getDetail()).isEqualTo("A closed ticket cannot change status"));
        assertThatThrownBy(() -> ticket(TicketStatus.RESOLVED).changeStatus(TicketStatus.NEW, null, AGENT, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getBody().getDetail())
                            .isEqualTo("A resolved ticket cannot become new; allowed: in-progress, closed");
                    assertThat(e.getBody().getProperties())
                            .containsEntry("current_status", "resolved")
                            .containsEntry("allowed", java.util.List.of("in-progress", "closed"));
                });
    }

    @Test
    void reprioritisingRecordsTheOldAndNewPriorityAndAnnouncesAnUpdate() {
        TicketSave save = ticket(TicketStatus.NEW).reprioritise(TicketPriority.URGENT, AGENT, NOW);

        assertThat(save.after().priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(save.statusChange()).isNull();
        assertThat(save.fieldChanges()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(FieldChange.Field.PRIORITY);
            assertThat(c.oldValue()).isEqualTo("medium");
            assertThat(c.newValue()).isEqualTo("urgent");
        });
        assertThat(save.events(save.after())).containsExactly(new TicketUpdated(save.after(), AGENT));
    }

    @Test
    void assigningAndUnassigningAreFieldChanges() {
        TicketSave assigned = ticket(TicketStatus.NEW).assign("b@x", AGENT, NOW);
        assertThat(assigned.after().assignee()).isEqualTo("b@x");
        assertThat(assigned.fieldChanges())
                .singleElement()
                .satisfies(c -> assertThat(c.oldValue()).isNull())
                .satisfies(c -> assertThat(c.newValue()).isEqualTo("b@x"));

        TicketSave unassigned = assigned.after().assign(null, AGENT, NOW);
        assertThat(unassigned.after().assignee()).isNull();
        assertThat(unassigned.after().version()).isEqualTo(5);
        assertThat(unassigned.fieldChanges().getFirst().oldValue()).isEqualTo("b@x");
    }

    @Test
    void oneSaveOfSeveralFieldsRecordsThemInOrderAndTheNoteWithTheStatus() {
        TicketSave save = ticket(TicketStatus.NEW)
                .change(
                        new TicketChange(TicketStatus.RESOLVED, TicketPriority.LOW, "b@x", null, "Done", null, null),
                        AGENT,
                        NOW);

        assertThat(save.fieldChanges())
                .extracting(FieldChange::field)
                .containsExactly(FieldChange.Field.PRIORITY, FieldChange.Field.ASSIGNEE);
        assertThat(save.statusChange().notes()).isEqualTo("Done");
        assertThat(save.after().version()).isEqualTo(4);
        assertThat(save.events(save.after()))
                .extracting(Object::getClass)
                .containsExactly(TicketStatusChanged.class, TicketUpdated.class);
    }

    @Test
    void aNoteWithoutAChangeOnlyGoesIntoTheTimeline() {
        Ticket ticket = ticket(TicketStatus.NEW);
        TicketSave save = ticket.change(
                new TicketChange(TicketStatus.NEW, TicketPriority.MEDIUM, null, null, "Called them", null, null),
                AGENT,
                NOW);

        assertThat(save.writesTicket()).isFalse();
        assertThat(save.after()).isSameAs(ticket);
        assertThat(save.fieldChanges())
                .singleElement()
                .satisfies(c -> assertThat(c.note()).isTrue())
                .satisfies(c -> assertThat(c.newValue()).isEqualTo("Called them"));
        assertThat(save.events(ticket)).containsExactly(new TicketUpdated(ticket, AGENT));
    }

    @Test
    void aChangeToWhatTheTicketAlreadyIsDoesNothing() {
        TicketSave save =
                ticket(TicketStatus.NEW).change(new TicketChange(null, null, "", null, " ", null, null), AGENT, NOW);
        assertThat(save.isEmpty()).isTrue();
        assertThat(save.events(save.after())).isEmpty();
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsAConflictNamingTheCurrentOne() {
        Ticket ticket = ticket(TicketStatus.NEW);
        ticket.requireVersion(3);
        ticket.requireVersion(null);
        assertThatThrownBy(() -> ticket.requireVersion(2))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getBody().getProperties()).isEqualTo(Map.of("current_version", 3)));
    }

    @Test
    void aStaffMembersPublicReplyToANewTicketStartsWorkAndIsTheFirstResponse() {
        Reply reply = reply(Reply.AuthorType.AGENT, Reply.Visibility.PUBLIC);
        TicketSave save = ticket(TicketStatus.NEW).reply(reply);

        assertThat(save.after().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(save.after().firstResponseAt()).isEqualTo(NOW);
        assertThat(save.after().version()).isEqualTo(4);
        assertThat(save.statusChange().notes()).isEqualTo("Replied to the customer");
        assertThat(save.events(save.after()))
                .containsExactly(
                        new TicketStatusChanged(
                                save.after(),
                                TicketStatus.NEW,
                                TicketStatus.IN_PROGRESS,
                                AGENT,
                                "Replied to the customer",
                                reply),
                        new TicketReplied(save.after(), reply, TicketStatus.NEW));
    }

    @Test
    void theFirstResponseStaysTheFirst() {
        Ticket answered = ticket(TicketStatus.IN_PROGRESS).toBuilder()
                .firstResponseAt(CREATED.plusSeconds(60))
                .build();
        TicketSave save = answered.reply(reply(Reply.AuthorType.AGENT, Reply.Visibility.PUBLIC));
        assertThat(save.after().firstResponseAt()).isEqualTo(CREATED.plusSeconds(60));
        assertThat(save.statusChange()).isNull();
    }

    @Test
    void anInternalNoteIsNoResponseAndLeavesTheStatusButStillSavesTheTicket() {
        Reply note = reply(Reply.AuthorType.AGENT, Reply.Visibility.INTERNAL);
        TicketSave save = ticket(TicketStatus.NEW).reply(note);

        assertThat(save.after().status()).isEqualTo(TicketStatus.NEW);
        assertThat(save.after().firstResponseAt()).isNull();
        assertThat(save.after().version()).isEqualTo(4);
        assertThat(save.events(save.after())).containsExactly(new TicketReplied(save.after(), note, null));
    }

    @Test
    void aCustomersReplyReopensAResolvedTicketButIsNoResponse() {
        TicketSave save =
                ticket(TicketStatus.RESOLVED).reply(reply(Reply.AuthorType.CUSTOMER, Reply.Visibility.PUBLIC));
        assertThat(save.after().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(save.after().firstResponseAt()).isNull();
        assertThat(save.statusChange().notes()).isEqualTo("Customer replied");
        assertThat(save.statusChange().changedBy()).isEqualTo(CUSTOMER);
    }

    @Test
    void aClosedTicketTakesNoCustomerRepliesButStaffMayStillWrite() {
        assertThatThrownBy(() ->
                        ticket(TicketStatus.CLOSED).reply(reply(Reply.AuthorType.CUSTOMER, Reply.Visibility.PUBLIC)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("please open a new ticket");
        TicketSave save = ticket(TicketStatus.CLOSED).reply(reply(Reply.AuthorType.AGENT, Reply.Visibility.PUBLIC));
        assertThat(save.after().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(save.after().firstResponseAt()).isEqualTo(NOW);
    }

    @Test
    void movingAnUnassignedTicketToAnotherTeamLetsThatTeamAssignItInTheSameSave() {
        Ticket ticket = ticket(TicketStatus.NEW);
        TicketSave save = ticket.change(new TicketChange(null, null, null, "team2", null, null, null), AGENT, NOW);
        assertThat(save.after().team()).isEqualTo("team2");
        assertThat(save.after().version()).isEqualTo(4);
        assertThat(save.fieldChanges()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(FieldChange.Field.TEAM);
            assertThat(c.oldValue()).isEqualTo("team1");
            assertThat(c.newValue()).isEqualTo("team2");
        });
        assertThat(save.detailsChanged()).isTrue();
        assertThat(save.arrivedUnassigned()).isTrue();

        TicketSave assigned = save.withAutomaticAssignment("ann@x", "system", "Automatic assignment (round-robin)");
        assertThat(assigned.after().assignee()).isEqualTo("ann@x");
        assertThat(assigned.after().version()).isEqualTo(4);
        assertThat(assigned.fieldChanges()).hasSize(3);
        assertThat(assigned.fieldChanges().get(1).field()).isEqualTo(FieldChange.Field.ASSIGNEE);
        assertThat(assigned.fieldChanges().get(1).changedBy()).isEqualTo("system");
        assertThat(assigned.fieldChanges().get(2).newValue()).isEqualTo("Automatic assignment (round-robin)");
        List<TimelineEntry> timeline = TimelineEntry.of(List.of(), assigned.fieldChanges());
        assertThat(timeline).extracting(TimelineEntry::by).containsExactly(AGENT, "system");
    }

    @Test
    void aTicketThatIsAssignedOrStaysInItsTeamIsNotAssignedAutomatically() {
        Ticket mine = ticket(TicketStatus.NEW).toBuilder().assignee("cat@x").build();
        assertThat(mine.change(new TicketChange(null, null, null, "team2", null, null, null), AGENT, NOW)
                        .arrivedUnassigned())
                .isFalse();
        assertThat(ticket(TicketStatus.NEW)
                        .change(
                                new TicketChange(null, TicketPriority.HIGH, null, "team1", null, null, null),
                                AGENT,
                                NOW)
                        .arrivedUnassigned())
                .isFalse();
        assertThat(mine.change(new TicketChange(null, null, "", "team2", null, null, null), AGENT, NOW)
                        .arrivedUnassigned())
                .isTrue();
        assertThat(ticket(TicketStatus.CLOSED)
                        .change(new TicketChange(null, null, null, "team2", null, null, null), AGENT, NOW)
                        .arrivedUnassigned())
                .as("a closed ticket needs nobody")
                .isFalse();
    }

    @Test
    void theOpenStatusesMoveAmongEachOtherAndToResolvedOrClosed() {
        List<TicketStatus> open =
                List.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS, TicketStatus.PENDING, TicketStatus.ON_HOLD);
        for (TicketStatus from : open) {
            for (TicketStatus to : TicketStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " to " + to).isEqualTo(from != to);
            }
        }
        assertThat(TicketStatus.RESOLVED.next()).containsExactly(TicketStatus.IN_PROGRESS, TicketStatus.CLOSED);
        assertThat(TicketStatus.CLOSED.next()).isEmpty();
        assertThat(TicketStatus.PENDING.next())
                .containsExactly(
                        TicketStatus.NEW,
                        TicketStatus.IN_PROGRESS,
                        TicketStatus.ON_HOLD,
                        TicketStatus.RESOLVED,
                        TicketStatus.CLOSED);
    }

    @Test
    void pendingAndOnHoldAreRecordedInTheHistoryLikeAnyStatus() {
        TicketSave pending =
                ticket(TicketStatus.IN_PROGRESS).changeStatus(TicketStatus.PENDING, "Asked for logs", AGENT, NOW);
        assertThat(pending.after().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(pending.statusChange().oldStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(pending.statusChange().notes()).isEqualTo("Asked for logs");

        TicketSave onHold = pending.after().changeStatus(TicketStatus.ON_HOLD, null, AGENT, NOW);
        assertThat(onHold.statusChange().oldStatus()).isEqualTo(TicketStatus.PENDING);
        assertThat(onHold.statusChange().newStatus()).isEqualTo(TicketStatus.ON_HOLD);
        assertThat(onHold.after().version()).isEqualTo(5);
        assertThat(onHold.events(onHold.after()))
                .containsExactly(new TicketStatusChanged(
                        onHold.after(), TicketStatus.PENDING, TicketStatus.ON_HOLD, AGENT, null, null));
    }

    @Test
    void aResolvedTicketCannotBeSetPendingOrOnHoldButReopened() {
        assertThatThrownBy(() -> ticket(TicketStatus.RESOLVED).changeStatus(TicketStatus.PENDING, null, AGENT, NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getBody().getDetail())
                                .isEqualTo("A resolved ticket cannot become pending; allowed: in-progress, closed"));
        assertThatThrownBy(() -> ticket(TicketStatus.CLOSED).changeStatus(TicketStatus.ON_HOLD, null, AGENT, NOW))
                .isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"PENDING", "ON_HOLD"})
    void aCustomersReplyPutsAWaitingTicketBackInProgressAndSaysSo(TicketStatus waiting) {
        Reply reply = reply(Reply.AuthorType.CUSTOMER, Reply.Visibility.PUBLIC);
        TicketSave save = ticket(waiting).reply(reply);

        assertThat(save.after().status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(save.after().firstResponseAt()).isNull();
        assertThat(save.statusChange()).satisfies(s -> {
            assertThat(s.oldStatus()).isEqualTo(waiting);
            assertThat(s.newStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
            assertThat(s.notes()).isEqualTo("Customer replied");
            assertThat(s.changedBy()).isEqualTo(CUSTOMER);
        });
        assertThat(save.events(save.after()))
                .containsExactly(
                        new TicketStatusChanged(
                                save.after(), waiting, TicketStatus.IN_PROGRESS, CUSTOMER, "Customer replied", reply),
                        new TicketReplied(save.after(), reply, waiting));
    }

    @ParameterizedTest
    @EnumSource(
            value = TicketStatus.class,
            names = {"NEW", "IN_PROGRESS"})
    void aCustomersReplyLeavesATicketThatWaitsForStaffAsItIs(TicketStatus status) {
        TicketSave save = ticket(status).reply(reply(Reply.AuthorType.CUSTOMER, Reply.Visibility.PUBLIC));
        assertThat(save.after().status()).isEqualTo(status);
        assertThat(save.statusChange()).isNull();
    }

    @Test
    void staffReplyingToAPendingTicketKeepsWaitingForTheCustomer() {
        TicketSave save = ticket(TicketStatus.PENDING).reply(reply(Reply.AuthorType.AGENT, Reply.Visibility.PUBLIC));
        assertThat(save.after().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(save.statusChange()).isNull();
    }

    @Test
    void customersSeeOnHoldAsInProgressAndArePromptedWhenPending() {
        assertThat(TicketStatus.ON_HOLD.shownToCustomer()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(TicketStatus.ON_HOLD.customerLabel()).isEqualTo("In Progress");
        assertThat(TicketStatus.PENDING.shownToCustomer()).isEqualTo(TicketStatus.PENDING);
        assertThat(TicketStatus.PENDING.customerLabel()).isEqualTo("Awaiting your reply");
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(status.customerLabel()).doesNotContainIgnoringCase("hold");
        }
        Ticket shown = ticket(TicketStatus.ON_HOLD).toBuilder()
                .tags(List.of("vip"))
                .assignee("agent@x")
                .build()
                .shownToCustomer("Dana");
        assertThat(shown.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(shown.tags()).isEmpty();
        assertThat(shown.assignee()).isEqualTo("Dana");
    }

    @Test
    void retaggingRecordsTheOldAndNewTagsAndAnnouncesAnUpdate() {
        Ticket tagged =
                ticket(TicketStatus.NEW).toBuilder().tags(List.of("billing")).build();
        TicketSave save = tagged.change(
                new TicketChange(null, null, null, null, null, null, List.of("VIP", " billing", "refund")), AGENT, NOW);

        assertThat(save.after().tags()).containsExactly("billing", "refund", "vip");
        assertThat(save.after().version()).isEqualTo(4);
        assertThat(save.tagsChanged()).isTrue();
        assertThat(save.detailsChanged()).isTrue();
        assertThat(save.statusChange()).isNull();
        assertThat(save.fieldChanges()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(FieldChange.Field.TAGS);
            assertThat(c.oldValue()).isEqualTo("billing");
            assertThat(c.newValue()).isEqualTo("billing, refund, vip");
        });
        assertThat(save.events(save.after())).containsExactly(new TicketUpdated(save.after(), AGENT));

        TicketSave cleared = save.after().retag(TicketTags.NONE, AGENT, NOW);
        assertThat(cleared.after().tags()).isEmpty();
        assertThat(cleared.fieldChanges().getFirst().newValue()).isNull();
    }

    @Test
    void theSameTagsInAnotherOrderOrCaseAreNoChangeAndAbsentTagsStay() {
        Ticket tagged = ticket(TicketStatus.NEW).toBuilder()
                .tags(List.of("billing", "vip"))
                .build();
        TicketSave same = tagged.change(
                new TicketChange(null, null, null, null, null, null, List.of("VIP", "billing")), AGENT, NOW);
        assertThat(same.isEmpty()).isTrue();

        TicketSave priority = tagged.reprioritise(TicketPriority.HIGH, AGENT, NOW);
        assertThat(priority.after().tags()).containsExactly("billing", "vip");
        assertThat(priority.tagsChanged()).isFalse();
    }

    @Test
    void badTagsAreRefusedBeforeAnythingChanges() {
        Ticket ticket = ticket(TicketStatus.NEW);
        assertThatThrownBy(() -> ticket.change(
                        new TicketChange(
                                TicketStatus.IN_PROGRESS, null, null, null, null, null, List.of("ok", "not ok")),
                        AGENT,
                        NOW))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("tags[1]"));
    }
}
