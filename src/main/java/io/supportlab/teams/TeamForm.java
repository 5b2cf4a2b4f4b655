package io.supportlab.teams;

import io.supportlab.platform.problems.InvalidRequestException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team's form as sent; {@code members} are the checked members' emails (none checked: absent).
 *
 * @param assignment the mode's wire value ({@code round-robin})
 */
public record TeamForm(
        @Nullable String name,
        @Nullable String description,
        @Nullable String assignment,
        @Nullable List<String> members) {

    static final TeamForm EMPTY = new TeamForm("", "", AssignmentMode.MANUAL.value(), List.of());

    static TeamForm of(Team team) {
        return new TeamForm(
                team.name(),
                team.description() == null ? "" : team.description(),
                team.assignment().value(),
                team.members().stream().map(Team.Member::email).toList());
    }

    TeamInput input() {
        AssignmentMode mode;
        try {
            mode = assignment == null ? AssignmentMode.MANUAL : AssignmentMode.fromValue(assignment);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("assignment", "choose one of the assignment modes");
        }
        return new TeamInput(
                name == null ? "" : name,
                description == null ? "" : description,
                mode,
                null,
                members == null ? List.of() : members);
    }

    public boolean checked(String email) {
        return members != null && members.contains(email);
    }

    public String nameValue() {
        return name == null ? "" : name;
    }

    public String descriptionValue() {
        return description == null ? "" : description;
    }

    public boolean mode(AssignmentMode mode) {
        return mode.value().equals(assignment);
    }
}
