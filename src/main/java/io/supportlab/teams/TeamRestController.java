package io.supportlab.teams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams for scripts: staff read them, admins manage them (the same as the admin page). */
@Tag(name = "Teams", description = "Teams of staff that own tickets and assign them (admins manage, staff read)")
@RestController
@RequestMapping("/api/teams")
class TeamRestController {

    /** The answer to a deletion. */
    record Deleted(String id, int ticketsMoved, String movedTo) {}

    private final TeamService teams;

    TeamRestController(TeamService teams) {
        this.teams = teams;
    }

    @Operation(summary = "List teams", description = "By name, each with its members and whether they are available.")
    @GetMapping
    List<Team> list() {
        return teams.list();
    }

    @Operation(summary = "Get a team by id or name")
    @GetMapping("/{id}")
    Team get(@PathVariable String id) {
        return teams.get(id);
    }

    @Operation(
            summary = "Create a team (admin)",
            description = "name is required and unique whatever the case. assignment: manual (default), round-robin "
                    + "(available members take turns) or fewest-open (the available member with the fewest open "
                    + "tickets). members: emails of active staff. is_default: true makes it the team of tickets that "
                    + "name none.")
    @ApiResponse(responseCode = "409", description = "A team with this name already exists")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Team create(@Valid @RequestBody TeamInput input, Authentication caller) {
        return teams.create(input, caller.getName());
    }

    @Operation(
            summary = "Change a team (admin)",
            description = "Absent fields stay. members replaces the members. is_default: true makes this the default "
                    + "team; the default team cannot be made not the default (409), only replaced.")
    @ApiResponse(
            responseCode = "409",
            description = "Another team has this name, or is_default false for the default team (`default_team`)")
    @PutMapping("/{id}")
    Team update(@PathVariable String id, @Valid @RequestBody TeamInput input, Authentication caller) {
        return teams.update(id, input, caller.getName());
    }

    @Operation(
            summary = "Delete a team (admin)",
            description = "Its tickets move to the default team (each ticket's timeline says so; assignees stay). "
                    + "The default team cannot be deleted (409).")
    @ApiResponse(responseCode = "409", description = "The team is the default team (`default_team`)")
    @DeleteMapping("/{id}")
    Deleted delete(@PathVariable String id, Authentication caller) {
        Team team = teams.get(id);
        int moved = teams.delete(team.id(), caller.getName());
        String fallback = teams.list().stream()
                .filter(Team::isDefault)
                .map(Team::id)
                .findFirst()
                .orElse("");
        return new Deleted(team.id(), moved, fallback);
    }
}
