package io.supportlab.teams;

import io.supportlab.accounts.StaffDirectory;
import io.supportlab.accounts.StaffUser;
import io.supportlab.platform.problems.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a staff member is available or away. Each sets their own; while away they get no
 * automatic assignments (what is assigned to them stays theirs).
 */
@Service
public class StaffAvailability {

    private final AvailabilityRepository availability;
    private final StaffDirectory staff;
    private final Clock clock;

    StaffAvailability(AvailabilityRepository availability, StaffDirectory staff, Clock clock) {
        this.availability = availability;
        this.staff = staff;
        this.clock = clock;
    }

    public boolean isAvailable(String email) {
        return availability.isAvailable(user(email).id());
    }

    /** Sets the signed-in staff member's own availability; answers it as stored. */
    @Transactional
    public boolean set(String email, boolean available) {
        availability.set(user(email).id(), available, Instant.now(clock));
        return available;
    }

    private StaffUser user(String email) {
        return staff.activeStaff().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("staff member", email));
    }
}
