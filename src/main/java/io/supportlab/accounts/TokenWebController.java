package io.supportlab.accounts;

import io.supportlab.platform.web.Flashes;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A staff member's own API tokens: create (shown once), list, revoke. */
@Controller
@RequestMapping("/account/tokens")
class TokenWebController {

    static final String CREATED = "createdToken";
    static final int MAX_NAME = 100;

    private final ApiTokenService tokens;

    TokenWebController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String page(Authentication caller, Model model) {
        model.addAttribute("tokens", tokens.list(caller.getName()));
        if (!model.containsAttribute(CREATED)) {
            model.addAttribute(CREATED, null);
        }
        model.addAttribute("nameError", null);
        return "accounts/tokens";
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String name,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            model.addAttribute("tokens", tokens.list(caller.getName()));
            model.addAttribute(CREATED, null);
            model.addAttribute("nameError", "Give the token a name of 1 to " + MAX_NAME + " characters");
            return "accounts/tokens";
        }
        ApiTokenService.Created created = tokens.create(caller.getName(), trimmed);
        // The secret travels to the next page in the session's flash map and is gone after it.
        redirect.addFlashAttribute(CREATED, created.secret());
        Flashes.success(
                redirect, "Created token “" + created.token().name() + "”. Copy it now: it will not be shown again.");
        return "redirect:/account/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String id, Authentication caller, RedirectAttributes redirect) {
        tokens.revoke(caller.getName(), id);
        Flashes.success(redirect, "Token revoked");
        return "redirect:/account/tokens";
    }
}
