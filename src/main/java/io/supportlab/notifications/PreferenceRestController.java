package io.supportlab.notifications;

import io.supportlab.accounts.Caller;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.problems.InvalidRequestException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The seed's preference endpoints. Staff manage any address; a customer (access token) their own. */
@Tag(name = "Preferences")
@RestController
class PreferenceRestController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final PreferenceService preferences;

    PreferenceRestController(PreferenceService preferences) {
        this.preferences = preferences;
    }

    @Operation(summary = "Preferences of an address (the defaults if it never stored any)")
    @GetMapping("/api/preferences/{email}")
    Preferences get(@PathVariable String email, Authentication caller) {
        requireEmail(email);
        requireSelfOrStaff(email, Caller.of(caller));
        return preferences.get(EmailAddress.of(email));
    }

    @Operation(summary = "Create or update preferences")
    @PostMapping("/api/preferences")
    Preferences save(@Valid @RequestBody PreferencesChange change, Authentication caller) {
        requireSelfOrStaff(Objects.requireNonNull(change.email()), Caller.of(caller));
        return preferences.update(change);
    }

    @Operation(summary = "How many addresses chose what (staff)")
    @GetMapping("/api/preferences/stats/summary")
    PreferenceRepository.Summary summary() {
        return preferences.summary();
    }

    private static void requireEmail(String email) {
        if (email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidRequestException("email", "must be a valid email address");
        }
    }

    /** A customer asking about another address learns nothing, not even that it exists. */
    private static void requireSelfOrStaff(String email, Caller caller) {
        if (caller.customer() && !EmailAddress.of(email).matches(caller.email())) {
            throw new ResourceNotFoundException("preferences", email);
        }
    }
}
