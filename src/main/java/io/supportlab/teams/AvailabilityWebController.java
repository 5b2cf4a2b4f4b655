package io.supportlab.teams;

import io.supportlab.platform.web.Flashes;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff member sets themselves available or away. The account menu loads the toggle when it is
 * first opened (htmx) and switches it in place; without scripts its link leads to a small page
 * with the same form.
 */
@Controller
@RequestMapping("/account/availability")
class AvailabilityWebController {

    private final StaffAvailability availability;

    AvailabilityWebController(StaffAvailability availability) {
        this.availability = availability;
    }

    @GetMapping
    String page(Authentication caller, Model model) {
        model.addAttribute("available", availability.isAvailable(caller.getName()));
        return "teams/availabilityPage";
    }

    /** The toggle alone, for the account menu. */
    @GetMapping("/toggle")
    String toggle(Authentication caller, Model model) {
        model.addAttribute("available", availability.isAvailable(caller.getName()));
        return "teams/availabilityToggle";
    }

    @PostMapping
    String set(
            @RequestParam boolean available,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Authentication caller,
            Model model,
            RedirectAttributes redirect) {
        boolean now = availability.set(caller.getName(), available);
        if ("true".equals(htmx)) {
            model.addAttribute("available", now);
            return "teams/availabilityToggle";
        }
        Flashes.success(
                redirect,
                now
                        ? "You are available for new tickets"
                        : "You are away: no tickets are assigned to you automatically");
        return "redirect:/account/availability";
    }
}
