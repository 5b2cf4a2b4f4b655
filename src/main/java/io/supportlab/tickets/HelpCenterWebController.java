package io.supportlab.tickets;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public help center: where customers search the FAQ and submit tickets. */
@Controller
class HelpCenterWebController {

    @GetMapping("/")
    String home() {
        return "tickets/help";
    }
}
