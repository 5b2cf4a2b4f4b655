package io.supportlab.faq;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff "FAQ Management" tab. */
@Controller
class FaqWebController {

    @GetMapping("/faq")
    String page() {
        return "faq/manage";
    }
}
