package io.supportlab.teams;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team as the API and the pages show it.
 *
 * @param isDefault the team of tickets that name none (the help-center form, the public API);
 *     exactly one team is the default
 * @param members its active staff members, by display name
 */
public record Team(
        String id,
        String name,
        @Nullable String description,
        AssignmentMode assignment,
        @JsonProperty("is_default") boolean isDefault,
        List<Member> members,
        Instant createdAt,
        Instant updatedAt) {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 500;

    public Team {
        members = List.copyOf(members);
    }

    /**
     * A staff member of the team.
     *
     * @param available false while they are away: they get no automatic assignments
     */
    public record Member(String userId, String email, String displayName, boolean available) {}

    /** Whether {@code email} is a member who is away. */
    public boolean away(String email) {
        return members.stream().anyMatch(m -> m.email().equals(email) && !m.available());
    }
}
