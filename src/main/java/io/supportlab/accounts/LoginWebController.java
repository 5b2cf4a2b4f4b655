package io.supportlab.accounts;

import io.supportlab.platform.web.Format;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff login page; Spring Security's form login handles the POST. */
@Controller
class LoginWebController {

    /** The email typed into a failed login, carried to the login page it returns to (flash attribute). */
    static final String USERNAME = "username";

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String locked,
            @RequestParam(required = false) String unavailable,
            @RequestParam(required = false) String ended,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("lockedMessage", lockedMessage(locked));
        model.addAttribute("unavailable", unavailable != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("ended", ended != null);
        if (!(model.getAttribute(USERNAME) instanceof String)) {
            model.addAttribute(USERNAME, "");
        }
        return "accounts/login";
    }

    /** "Try again in 4 seconds", from the number of seconds in the redirect (anything else: a generic wait). */
    private static String lockedMessage(String locked) {
        if (locked == null) {
            return "";
        }
        long seconds;
        try {
            seconds = Math.clamp(Long.parseLong(locked), 1, 24 * 3600);
        } catch (NumberFormatException e) {
            return "Too many failed logins. Please wait a moment before trying again.";
        }
        return "Too many failed logins. Please try again in " + Format.waitTime(seconds) + ".";
    }
}
