package io.supportlab.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export and erasure of a customer's data (admins only; every call is audited). */
@Tag(name = "Privacy", description = "A customer's data: export and erasure (admin only)")
@RestController
class PrivacyRestController {

    record EraseRequest(@NotBlank @Nullable String email) {}

    private final PrivacyService privacy;

    PrivacyRestController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Operation(
            summary = "Export everything held about an email address (admin)",
            description = "Tickets with replies and history, notifications, preferences, experiment assignments "
                    + "and events, as a JSON download.")
    @GetMapping("/api/privacy/export")
    ResponseEntity<DataExport> export(@RequestParam String email, Authentication caller) {
        DataExport export = privacy.export(email, caller.getName());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(export))
                .body(export);
    }

    @Operation(
            summary = "Erase an email address (admin)",
            description = "Deletes notifications, preferences and waiting access-link requests; anonymises tickets "
                    + "(text redacted, address replaced) and experiment data (user replaced by a pseudonym) so "
                    + "statistics stay right; redacts the address from the help-center search log. Then purges the "
                    + "old values from the database files (storage_purged).")
    @PostMapping("/api/privacy/erase")
    ErasureReport erase(@Valid @RequestBody EraseRequest request, Authentication caller) {
        return privacy.erase(Objects.requireNonNull(request.email()), caller.getName());
    }

    @Operation(
            summary = "Was an email address erased? (admin)",
            description = "The erasures the audit log records for the address, which it keeps only as a keyed hash.")
    @GetMapping("/api/privacy/erasures")
    ErasureCheck erasures(@RequestParam String email) {
        return privacy.erasures(email);
    }

    static String attachment(DataExport export) {
        String date = export.exportedAt().toString().substring(0, 10);
        return ContentDisposition.attachment()
                .filename("supportlab-export-" + date + ".json")
                .build()
                .toString();
    }
}
