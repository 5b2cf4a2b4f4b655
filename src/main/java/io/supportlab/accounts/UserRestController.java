package io.supportlab.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
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

/** Staff account administration for scripts (admins only); the same as the admin page. */
@Tag(name = "Users", description = "Staff accounts (admin only)")
@RestController
@RequestMapping("/api/users")
class UserRestController {

    record ActiveChange(boolean active) {}

    private final UserService users;

    UserRestController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "List staff accounts")
    @GetMapping
    List<StaffUser> list() {
        return users.list();
    }

    @Operation(summary = "Create a staff account")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    StaffUser create(@Valid @RequestBody NewStaffUser user, Authentication caller) {
        return users.create(user, caller.getName());
    }

    @Operation(summary = "Activate or deactivate a staff account")
    @PutMapping("/{id}/active")
    StaffUser setActive(@PathVariable String id, @RequestBody ActiveChange change, Authentication caller) {
        return users.setActive(id, change.active(), caller.getName());
    }
}
