package io.supportlab.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff account administration for scripts (admins only); the same as the admin pages. */
@Tag(name = "Users", description = "Staff accounts (admin only)")
@RestController
@RequestMapping("/api/users")
class UserRestController {

    record ActiveChange(boolean active) {}

    record RoleChange(@NotNull @Nullable Role role) {}

    record NewPassword(@NotNull @Size(max = 128) @Nullable String password) {}

    private final UserService users;

    UserRestController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "List staff accounts")
    @GetMapping
    List<StaffUser> list() {
        return users.list();
    }

    @Operation(
            summary = "Create a staff account",
            description = "The password needs at least 12 characters and must be hard to guess (zxcvbn score 3 of 4; "
                    + "the person's email and name count as easy guesses); otherwise 400 with the reason.")
    @ApiResponse(responseCode = "409", description = "A user with this email already exists")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffUser create(@Valid @RequestBody NewStaffUser user, Authentication caller) {
        return users.create(user, caller.getName());
    }

    @Operation(
            summary = "Activate or deactivate a staff account",
            description = "Deactivating ends the account's sessions at once and stops its API tokens. "
                    + "Nobody changes their own account's status (409).")
    @ApiResponse(responseCode = "409", description = "Your own account, or the last active admin")
    @PutMapping("/{id}/active")
    StaffUser setActive(@PathVariable String id, @RequestBody ActiveChange change, Authentication caller) {
        return users.setActive(id, change.active(), caller.getName());
    }

    @Operation(
            summary = "Change a staff account's role",
            description = "Ends the account's sessions (the new role applies from the next login; its API tokens "
                    + "carry the new role at once). Nobody changes their own role, and the last active admin stays "
                    + "an admin (409).")
    @ApiResponse(responseCode = "409", description = "Your own account, or the last active admin")
    @PutMapping("/{id}/role")
    StaffUser changeRole(@PathVariable String id, @Valid @RequestBody RoleChange change, Authentication caller) {
        return users.changeRole(id, Objects.requireNonNull(change.role()), caller.getName());
    }

    @Operation(
            summary = "Set a new password for a staff account",
            description = "For someone who forgot theirs: ends their sessions. The password must be strong (400 "
                    + "otherwise). Your own password you change with PUT /api/account/password (409 here).")
    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String id, @Valid @RequestBody NewPassword change, Authentication caller) {
        users.resetPassword(id, Objects.requireNonNull(change.password()), caller.getName());
    }
}
