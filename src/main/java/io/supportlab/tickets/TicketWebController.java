package io.supportlab.tickets;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff "Support Tickets" tab. */
@Controller
class TicketWebController {

    @GetMapping("/tickets")
    String page() {
        return "tickets/list";
    }
}
