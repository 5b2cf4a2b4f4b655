package io.supportlab.privacy;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The admin page for a customer's data rights: download their data, or erase it. */
@Controller
class PrivacyWebController {

    private final PrivacyService privacy;
    private final JsonMapper json;

    PrivacyWebController(PrivacyService privacy, JsonMapper json) {
        this.privacy = privacy;
        this.json = json;
    }

    @GetMapping("/admin/privacy")
    String page(Model model) {
        return render(model, "", FormErrors.NONE);
    }

    @GetMapping("/admin/privacy/erasures")
    String erasures(@RequestParam(defaultValue = "") String email, Model model) {
        try {
            model.addAttribute("check", privacy.erasures(email));
            return render(model, email, FormErrors.NONE);
        } catch (ErrorResponseException e) {
            return render(model, email, FormErrors.of("check-email", "Enter the customer's email address"));
        }
    }

    @GetMapping("/admin/privacy/export")
    Object export(@RequestParam(defaultValue = "") String email, Authentication caller, Model model) {
        try {
            DataExport export = privacy.export(email, caller.getName());
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, PrivacyRestController.attachment(export))
                    .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export));
        } catch (ErrorResponseException e) {
            return render(model, email, FormErrors.of("email", "Enter the customer's email address"));
        }
    }

    /** Erasure needs the address typed twice: it cannot be undone. */
    @PostMapping("/admin/privacy/erase")
    String erase(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String confirm,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        if (!EmailAddress.of(email).matches(confirm)) {
            return render(model, email, FormErrors.of("confirm", "Type the same address again to confirm"));
        }
        try {
            ErasureReport report = privacy.erase(email, caller.getName());
            Flashes.success(redirect, "Erased. " + summary(report));
            return "redirect:/admin/privacy";
        } catch (ErrorResponseException e) {
            return render(model, email, FormErrors.of("email", "Enter the customer's email address"));
        }
    }

    private static String summary(ErasureReport report) {
        StringBuilder text = new StringBuilder();
        report.counts().forEach((kind, n) -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(kind.replace('_', ' ')).append(": ").append(n);
        });
        String files = report.storagePurged()
                ? ""
                : " The old values are still in the database's log file until its next checkpoint (retried every minute).";
        return text + ". Audit subject " + report.subject().substring(0, 19) + "…." + files;
    }

    private String render(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "privacy/page";
    }
}
