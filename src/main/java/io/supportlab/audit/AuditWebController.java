package io.supportlab.audit;

import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The admin page of the audit log, with filters and "older" paging. */
@Controller
class AuditWebController {

    private final AuditLog audit;

    AuditWebController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request,
            Model model) {
        String error = null;
        Page<AuditEntry> page;
        try {
            AuditFilter filter = AuditFilters.of(actor, action, target, subject, date("from", from), date("to", to));
            page = audit.list(filter, PageRequest.of(null, cursor));
        } catch (InvalidRequestException e) {
            error = e.errors().stream().map(FieldError::message).findFirst().orElse("Invalid filter");
            page = new Page<>(java.util.List.of(), null);
        }
        String next = page.nextCursor() == null
                ? null
                : ServletUriComponentsBuilder.fromRequest(request)
                        .replaceQueryParam("cursor", page.nextCursor())
                        .build()
                        .toUriString();
        model.addAttribute("view", new AuditView(page, actor, action, target, subject, from, to, error, next));
        return "audit/log";
    }

    private static @Nullable LocalDate date(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "Dates look like 2025-01-31");
        }
    }
}
