package io.supportlab.backup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Online backup for scripts and cron (admins only). */
@Tag(name = "Operations", description = "Backups (admin only)")
@RestController
class BackupRestController {

    private final BackupService backups;

    BackupRestController(BackupService backups) {
        this.backups = backups;
    }

    @Operation(
            summary = "Back up the SQLite database now (admin)",
            description = "Writes a consistent copy to <data-dir>/backups while the application keeps running. "
                    + "On PostgreSQL answers 422: use pg_dump.")
    @ApiResponse(responseCode = "422", description = "The installation runs on PostgreSQL: use pg_dump")
    @PostMapping("/api/admin/backup")
    @ResponseStatus(HttpStatus.CREATED)
    Backup backUp(Authentication caller) {
        return backups.backUp(caller.getName());
    }
}
