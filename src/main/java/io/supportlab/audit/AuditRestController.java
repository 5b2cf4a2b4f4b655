package io.supportlab.audit;

import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.paging.PageResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for scripts and compliance tools (admins only). */
@Tag(name = "Audit log", description = "Staff actions (admin only)")
@RestController
class AuditRestController {

    private final AuditLog audit;

    AuditRestController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(
            summary = "List audit entries, newest first (admin)",
            description = "Filters combine with AND; the next page is announced in the Link header.")
    @GetMapping("/api/audit")
    ResponseEntity<List<AuditEntry>> list(
            @Parameter(description = "staff email") @RequestParam(required = false) @Nullable String actor,
            @Parameter(description = "an action, or a prefix ending in a dot such as 'ticket.'")
                    @RequestParam(required = false)
                    @Nullable
                    String action,
            @RequestParam(required = false) @Nullable String target,
            @Parameter(
                            description = "an email address: entries about it (failed logins under that name, exports, "
                                    + "erasures), which record it only as a keyed hash")
                    @RequestParam(required = false)
                    @Nullable
                    String subject,
            @Parameter(description = "first day, UTC (2025-01-31)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate from,
            @Parameter(description = "last day, UTC")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate to,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request) {
        AuditFilter filter = AuditFilters.of(actor, action, target, subject, from, to);
        return PageResponses.ok(audit.list(filter, PageRequest.of(limit, cursor)), request);
    }
}
