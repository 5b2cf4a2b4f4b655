package io.supportlab.notifications;

import io.supportlab.accounts.SignedTokens;
import io.supportlab.platform.EmailAddress;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of every email. Opening it asks for confirmation (link scanners must not
 * unsubscribe anyone); the POST, from that page or a mail client's one-click unsubscribe (RFC
 * 8058), switches email off.
 */
@Controller
class UnsubscribeWebController {

    private final SignedTokens tokens;
    private final PreferenceService preferences;

    UnsubscribeWebController(SignedTokens tokens, PreferenceService preferences) {
        this.tokens = tokens;
        this.preferences = preferences;
    }

    @GetMapping("/unsubscribe")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        Optional<String> email = tokens.verify(token, SignedTokens.Purpose.UNSUBSCRIBE);
        model.addAttribute("email", email.orElse(""));
        model.addAttribute("token", token);
        model.addAttribute("valid", email.isPresent());
        model.addAttribute("done", false);
        return "notifications/unsubscribe";
    }

    @PostMapping("/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        Optional<String> email = tokens.verify(token, SignedTokens.Purpose.UNSUBSCRIBE);
        email.map(EmailAddress::of).ifPresent(preferences::unsubscribe);
        model.addAttribute("email", email.orElse(""));
        model.addAttribute("token", token);
        model.addAttribute("valid", email.isPresent());
        model.addAttribute("done", email.isPresent());
        return "notifications/unsubscribe";
    }
}
