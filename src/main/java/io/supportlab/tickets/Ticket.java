package io.supportlab.tickets;

import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.web.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A customer's problem, as the seed's API shows it, plus a human reference, the assignee, the
 * version for optimistic locking, and when staff first answered.
 *
 * <p>The help desk's rules for changing a ticket live here: each returns a {@link TicketSave} (the
 * state to write, the timeline rows and the events) and leaves loading, writing and publishing to
 * {@link TicketService}.
 *
 * @param reference short human name for emails and the UI, e.g. {@code SL-1042}
 * @param assignee email of the staff member working on it, if any (customers see the name the
 *     staff member chose, or "Support team")
 * @param team the id of the team the ticket belongs to
 * @param version increases with every change; send it back ({@code If-Match} or {@code version})
 *     to update only if nobody else changed the ticket meanwhile
 * @param spam flagged as automated (the help center's honeypot, or too many public tickets for the
 *     address): kept for review, hidden from the default list, and the address gets no email
 * @param tags staff's labels, sorted (see {@link TicketTags}); customers see none
 */
public record Ticket(
        String id,
        String reference,
        String title,
        String description,
        TicketPriority priority,
        TicketStatus status,
        String contactEmail,
        @Nullable String assignee,
        String team,
        int version,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant firstResponseAt,
        boolean spam,
        List<String> tags) {

    public Ticket {
        tags = List.copyOf(tags);
    }

    static final String REFERENCE_PREFIX = "SL-";

    /** How people write a reference: {@code SL-1042}, {@code sl-1042}, {@code #1042} or just {@code 1042}. */
    private static final Pattern WRITTEN_REFERENCE = Pattern.compile("(?i)(?:sl-|#)?(\\d{1,15})");

    static String reference(long number) {
        return REFERENCE_PREFIX + number;
    }

    /** The ticket number a word names, if it is written as a reference. */
    static OptionalLong numberIn(String word) {
        Matcher matcher = WRITTEN_REFERENCE.matcher(word.strip());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    static Builder builder() {
        return new Builder();
    }

    /** A copy to change a few fields of. */
    Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The ticket as its customer is shown it: the assignee by the name given (a staff member's
     * public name), the status as the customer sees it, and no tags (staff's own labels).
     */
    Ticket shownToCustomer(@Nullable String shownAssignee) {
        return toBuilder()
                .assignee(shownAssignee)
                .status(status.shownToCustomer())
                .tags(List.of())
                .build();
    }

    /**
     * Refuses a change based on an older version than this one.
     *
     * @param seen the version the caller saw, or null to apply the change anyway
     */
    void requireVersion(@Nullable Integer seen) {
        if (seen != null && seen != version) {
            throw new ConflictException(
                    "The ticket was changed by someone else (now at version " + version + ", you sent " + seen
                            + "); reload it and apply your change again",
                    Map.of("current_version", version));
        }
    }

    /** A staff member moves the ticket to another status, along the transitions {@link TicketStatus} allows. */
    TicketSave changeStatus(TicketStatus to, @Nullable String notes, String by, Instant at) {
        return change(TicketChange.status(to, notes), by, at);
    }

    /** A staff member sets how urgent the ticket is. */
    TicketSave reprioritise(TicketPriority to, String by, Instant at) {
        return change(new TicketChange(null, to, null, null, null, null, null), by, at);
    }

    /**
     * A staff member gives the ticket to someone, or to nobody.
     *
     * @param staffEmail an active staff member's normalised address, or null to unassign
     */
    TicketSave assign(@Nullable String staffEmail, String by, Instant at) {
        return change(
                new TicketChange(null, null, staffEmail == null ? "" : staffEmail, null, null, null, null), by, at);
    }

    /** A staff member replaces the ticket's tags. */
    TicketSave retag(TicketTags to, String by, Instant at) {
        return change(new TicketChange(null, null, null, null, null, null, to.values()), by, at);
    }

    /** The ticket's tags as a set to change. */
    TicketTags tagSet() {
        return new TicketTags(tags);
    }

    /**
     * Status, priority, assignee, team and tags as a staff member sets them in one save; absent
     * fields stay. A note without any other change only goes into the timeline: the ticket itself
     * (and its version) stays as it is. The version check is {@link #requireVersion}'s.
     *
     * @param change its assignee, when given, an active staff member's normalised address, or
     *     {@code ""} to unassign; its team, when given, a team's id (checking both is the caller's
     *     part); its tags as sent, checked here ({@link TicketTags#of})
     */
    TicketSave change(TicketChange change, String by, Instant at) {
        TicketStatus newStatus = Objects.requireNonNullElse(change.status(), status);
        if (newStatus != status && !status.canBecome(newStatus)) {
            throw illegalTransition(status, newStatus);
        }
        TicketPriority newPriority = Objects.requireNonNullElse(change.priority(), priority);
        String newAssignee =
                change.assignee() == null ? assignee : change.assignee().isBlank() ? null : change.assignee();
        String newTeam = change.team() == null ? team : change.team();
        TicketTags oldTags = tagSet();
        TicketTags newTags = change.tags() == null ? oldTags : TicketTags.of(change.tags());
        String notes = Text.cleanOrNull(change.notes());
        boolean statusChanged = newStatus != status;
        boolean tagsChanged = !newTags.equals(oldTags);
        List<FieldChange> changes = new ArrayList<>();
        if (newPriority != priority) {
            changes.add(fieldChange(FieldChange.Field.PRIORITY, priority.value(), newPriority.value(), by, at));
        }
        if (!Objects.equals(newAssignee, assignee)) {
            changes.add(fieldChange(FieldChange.Field.ASSIGNEE, assignee, newAssignee, by, at));
        }
        if (!newTeam.equals(team)) {
            changes.add(fieldChange(FieldChange.Field.TEAM, team, newTeam, by, at));
        }
        if (tagsChanged) {
            changes.add(fieldChange(FieldChange.Field.TAGS, oldTags.shown(), newTags.shown(), by, at));
        }
        if (!statusChanged && notes != null) {
            changes.add(fieldChange(FieldChange.Field.NOTE, null, notes, by, at));
        }
        if (!statusChanged
                && newPriority == priority
                && Objects.equals(newAssignee, assignee)
                && newTeam.equals(team)
                && !tagsChanged) {
            return TicketSave.unchanged(this, changes, by);
        }
        Ticket after = toBuilder()
                .status(newStatus)
                .priority(newPriority)
                .assignee(newAssignee)
                .team(newTeam)
                .tags(newTags.values())
                .savedAt(at)
                .build();
        StatusChange statusChange =
                statusChanged ? new StatusChange(Ids.newId(), id, status, newStatus, by, notes, at) : null;
        return new TicketSave(this, after, statusChange, changes, null, by);
    }

    /**
     * Adds a reply. A staff member's public reply to a new ticket starts work on it and counts as the
     * first response. A customer's reply puts a ticket that waited (pending on them, on hold on a
     * third party) or was resolved back in progress: staff have something to act on, whichever
     * channel the reply came through. Closed tickets take no more customer replies. Every reply
     * saves the ticket (a new version), so a colleague's open copy is then out of date.
     */
    TicketSave reply(Reply reply) {
        if (reply.fromCustomer()) {
            requireOpenToCustomer();
        }
        boolean staffAnswer = !reply.fromCustomer() && reply.isPublic();
        TicketStatus next = status;
        if (reply.fromCustomer() && (status == TicketStatus.RESOLVED || status.waiting())) {
            next = TicketStatus.IN_PROGRESS;
        } else if (staffAnswer && status == TicketStatus.NEW) {
            next = TicketStatus.IN_PROGRESS;
        }
        Instant at = reply.createdAt();
        Ticket after = toBuilder()
                .status(next)
                .firstResponseAt(firstResponseAt == null && staffAnswer ? at : firstResponseAt)
                .savedAt(at)
                .build();
        String why = reply.fromCustomer() ? "Customer replied" : "Replied to the customer";
        StatusChange statusChange =
                next == status ? null : new StatusChange(Ids.newId(), id, status, next, reply.author(), why, at);
        return new TicketSave(this, after, statusChange, List.of(), reply, reply.author());
    }

    /** Refuses a customer's reply to a closed ticket: a customer with a new problem opens a new ticket. */
    void requireOpenToCustomer() {
        if (status == TicketStatus.CLOSED) {
            throw new ConflictException("This ticket is closed; please open a new ticket");
        }
    }

    private FieldChange fieldChange(
            FieldChange.Field field, @Nullable String from, @Nullable String to, String by, Instant at) {
        return new FieldChange(Ids.newId(), id, field, from, to, by, at);
    }

    private static ConflictException illegalTransition(TicketStatus from, TicketStatus to) {
        List<String> allowed = from.next().stream().map(TicketStatus::value).toList();
        String detail = allowed.isEmpty()
                ? "A " + from.value() + " ticket cannot change status"
                : "A " + from.value() + " ticket cannot become " + to.value() + "; allowed: "
                        + String.join(", ", allowed);
        return new ConflictException(detail, Map.of("current_status", from.value(), "allowed", allowed));
    }

    /** Builds a ticket, or a changed copy of one, field by field. */
    static final class Builder {

        private @Nullable String id;
        private @Nullable String reference;
        private @Nullable String title;
        private @Nullable String description;
        private TicketPriority priority = TicketPriority.MEDIUM;
        private TicketStatus status = TicketStatus.NEW;
        private @Nullable String contactEmail;
        private @Nullable String assignee;
        private @Nullable String team;
        private int version = 1;
        private @Nullable Instant createdAt;
        private @Nullable Instant updatedAt;
        private @Nullable Instant firstResponseAt;
        private boolean spam;
        private List<String> tags = List.of();

        private Builder() {}

        private Builder(Ticket t) {
            id = t.id;
            reference = t.reference;
            title = t.title;
            description = t.description;
            priority = t.priority;
            status = t.status;
            contactEmail = t.contactEmail;
            assignee = t.assignee;
            team = t.team;
            version = t.version;
            createdAt = t.createdAt;
            updatedAt = t.updatedAt;
            firstResponseAt = t.firstResponseAt;
            spam = t.spam;
            tags = t.tags;
        }

        Builder id(String id) {
            this.id = id;
            return this;
        }

        Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        Builder title(String title) {
            this.title = title;
            return this;
        }

        Builder description(String description) {
            this.description = description;
            return this;
        }

        Builder priority(TicketPriority priority) {
            this.priority = priority;
            return this;
        }

        Builder status(TicketStatus status) {
            this.status = status;
            return this;
        }

        Builder contactEmail(String contactEmail) {
            this.contactEmail = contactEmail;
            return this;
        }

        Builder assignee(@Nullable String assignee) {
            this.assignee = assignee;
            return this;
        }

        Builder team(String team) {
            this.team = team;
            return this;
        }

        Builder version(int version) {
            this.version = version;
            return this;
        }

        /** Created now: also the last update. */
        Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            return this;
        }

        Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        Builder firstResponseAt(@Nullable Instant firstResponseAt) {
            this.firstResponseAt = firstResponseAt;
            return this;
        }

        Builder spam(boolean spam) {
            this.spam = spam;
            return this;
        }

        /** Sorted, as {@link TicketTags} keeps them. */
        Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        /** The next version, saved at {@code at}. */
        Builder savedAt(Instant at) {
            this.version++;
            this.updatedAt = at;
            return this;
        }

        Ticket build() {
            return new Ticket(
                    Objects.requireNonNull(id, "id"),
                    Objects.requireNonNull(reference, "reference"),
                    Objects.requireNonNull(title, "title"),
                    Objects.requireNonNull(description, "description"),
                    priority,
                    status,
                    Objects.requireNonNull(contactEmail, "contactEmail"),
                    assignee,
                    Objects.requireNonNull(team, "team"),
                    version,
                    Objects.requireNonNull(createdAt, "createdAt"),
                    Objects.requireNonNull(updatedAt, "updatedAt"),
                    firstResponseAt,
                    spam,
                    tags);
        }
    }
}
