package io.supportlab.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own staff account. */
@Tag(name = "Account", description = "Your own staff account")
@RestController
@RequestMapping("/api/account")
class AccountRestController {

    record PasswordChange(
            @NotNull @Size(max = 128) @Nullable String currentPassword,
            @NotNull @Size(max = 128) @Nullable String newPassword) {}

    private final OwnPasswordService passwords;

    AccountRestController(OwnPasswordService passwords) {
        this.passwords = passwords;
    }

    @Operation(
            summary = "Change your password",
            description = "Give the current password (checked like a login: wrong ones count towards the login "
                    + "throttle) and a new, strong one (at least 12 characters, hard to guess). Your page sessions "
                    + "end; API tokens keep working.")
    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange change, Authentication caller, HttpServletRequest request) {
        passwords.change(
                caller.getName(),
                Objects.requireNonNull(change.currentPassword()),
                Objects.requireNonNull(change.newPassword()),
                new WebAuthenticationDetails(request));
    }
}
