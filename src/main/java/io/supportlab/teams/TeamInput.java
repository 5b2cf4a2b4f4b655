package io.supportlab.teams;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team as {@code POST /api/teams} creates it and {@code PUT /api/teams/{id}} changes it. On an
 * update absent (null) fields stay as they are.
 *
 * @param name unique, whatever the case; required to create
 * @param description {@code ""} clears it
 * @param assignment defaults to manual
 * @param isDefault true makes this the default team (the previous default stops being it); the
 *     default team cannot be made not the default, only replaced
 * @param members the members' emails (active staff), replacing the present members
 */
public record TeamInput(
        @Size(max = Team.MAX_NAME) @Nullable String name,
        @Size(max = Team.MAX_DESCRIPTION) @Nullable String description,
        @Nullable AssignmentMode assignment,
        @JsonProperty("is_default") @Nullable Boolean isDefault,
        @Size(max = TeamInput.MAX_MEMBERS) @Nullable List<@Size(max = 254) String> members) {

    public static final int MAX_MEMBERS = 500;
}
