package io.supportlab.teams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own availability for automatic assignments. */
@Tag(name = "Teams")
@RestController
@RequestMapping("/api/me/availability")
class AvailabilityRestController {

    /**
     * @param available false: away, no automatic assignments
     */
    record Availability(@NotNull @Nullable Boolean available) {}

    private final StaffAvailability availability;

    AvailabilityRestController(StaffAvailability availability) {
        this.availability = availability;
    }

    @Operation(summary = "Whether you are available for automatic assignments (staff)")
    @GetMapping
    Availability get(Authentication caller) {
        return new Availability(availability.isAvailable(caller.getName()));
    }

    @Operation(
            summary = "Set yourself available or away (staff)",
            description = "While away you get no automatic assignments; tickets already yours stay yours.")
    @PutMapping
    Availability set(@Valid @RequestBody Availability change, Authentication caller) {
        return new Availability(availability.set(caller.getName(), Objects.requireNonNull(change.available())));
    }
}
