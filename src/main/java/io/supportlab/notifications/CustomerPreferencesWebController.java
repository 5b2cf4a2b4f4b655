package io.supportlab.notifications;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.web.FormErrors;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A customer's own notification preferences, in the customer area. */
@Controller
class CustomerPreferencesWebController {

    private final PreferenceService preferences;

    CustomerPreferencesWebController(PreferenceService preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/my/preferences")
    String page(Authentication customer, Model model) {
        model.addAttribute("preferences", preferences.get(EmailAddress.of(customer.getName())));
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("saved", false);
        model.addAttribute("action", "/my/preferences");
        return "notifications/customerPreferences";
    }

    @PostMapping("/my/preferences")
    String save(
            @Valid @ModelAttribute PreferencesChange change,
            BindingResult binding,
            Authentication customer,
            Model model) {
        // The address is the signed-in customer's, whatever the form says.
        PreferencesChange own = new PreferencesChange(
                customer.getName(),
                change.emailNotifications(),
                change.smsNotifications(),
                change.notificationFrequency(),
                change.preferredLanguage());
        PreferencesForms.save(preferences, own, binding, model, "/my/preferences");
        return "notifications/customerPreferences";
    }
}
