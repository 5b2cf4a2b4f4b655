package io.supportlab.notifications;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.web.FormErrors;
import java.util.Objects;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;

/** The preferences form as staff (dialog) and customers (portal page) submit it. */
final class PreferencesForms {

    private PreferencesForms() {}

    /**
     * A checkbox that is not ticked is not submitted at all, so an absent {@code emailNotifications}
     * from the form means off, unlike the API where absent means unchanged.
     */
    static String save(
            PreferenceService preferences,
            PreferencesChange change,
            BindingResult binding,
            Model model,
            String action) {
        PreferencesChange fromForm = new PreferencesChange(
                change.email(),
                Boolean.TRUE.equals(change.emailNotifications()),
                Boolean.TRUE.equals(change.smsNotifications()),
                change.notificationFrequency(),
                change.preferredLanguage());
        model.addAttribute("action", action);
        if (binding.hasErrors()) {
            model.addAttribute(
                    "preferences", preferences.get(EmailAddress.of(Objects.requireNonNullElse(change.email(), ""))));
            model.addAttribute("errors", FormErrors.of(binding));
            model.addAttribute("saved", false);
            return "notifications/preferencesForm";
        }
        try {
            model.addAttribute("preferences", preferences.update(fromForm));
            model.addAttribute("errors", FormErrors.NONE);
            model.addAttribute("saved", true);
        } catch (ErrorResponseException e) {
            model.addAttribute("preferences", preferences.get(EmailAddress.of(Objects.requireNonNull(change.email()))));
            model.addAttribute(
                    "errors",
                    FormErrors.of(
                            "preferredLanguage", String.valueOf(e.getBody().getDetail())));
            model.addAttribute("saved", false);
        }
        return "notifications/preferencesForm";
    }
}
