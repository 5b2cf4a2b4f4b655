package io.supportlab.notifications;

import io.supportlab.accounts.Caller;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.problems.Problems;
import io.supportlab.platform.web.Flashes;
import io.supportlab.platform.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of the outbox (overview with retry), the notifications tab of a ticket's history
 * dialog, and the preferences dialog of a customer address.
 */
@Controller
class NotificationWebController {

    /** The emails sent about a ticket, for the ticket's pages ({@link TicketEmailParts}). */
    static final String TICKET_EMAILS = "/notifications/ticket/{id}";

    /** A contact's email settings, in the dialog of the ticket pages. */
    static final String EDIT_PREFERENCES = "/preferences/edit";

    private final NotificationService notifications;
    private final PreferenceService preferences;

    NotificationWebController(NotificationService notifications, PreferenceService preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    @GetMapping("/notifications")
    String overview(Model model) {
        model.addAttribute("counts", notifications.counts());
        model.addAttribute("failed", notifications.withStatus(NotificationStatus.FAILED));
        model.addAttribute("pending", notifications.withStatus(NotificationStatus.PENDING));
        return "notifications/overview";
    }

    @PostMapping("/notifications/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        try {
            Notification queued = notifications.retry(id);
            Flashes.success(redirect, "Queued “" + Problems.abbreviate(queued.displaySubject(), 80) + "” again");
        } catch (ErrorResponseException e) {
            Flashes.error(redirect, String.valueOf(e.getBody().getDetail()));
        }
        return "redirect:/notifications";
    }

    @GetMapping(TICKET_EMAILS)
    String forTicket(@PathVariable String id, Authentication caller, Model model) {
        model.addAttribute("notifications", notifications.forTicket(id, Caller.of(caller)));
        return "notifications/deliveryLog";
    }

    @GetMapping(EDIT_PREFERENCES)
    String editPreferences(@RequestParam String email, Model model) {
        model.addAttribute("preferences", preferences.get(EmailAddress.of(email)));
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("saved", false);
        model.addAttribute("action", "/preferences");
        return "notifications/preferencesForm";
    }

    @PostMapping("/preferences")
    String savePreferences(@Valid @ModelAttribute PreferencesChange change, BindingResult binding, Model model) {
        return PreferencesForms.save(preferences, change, binding, model, "/preferences");
    }
}
