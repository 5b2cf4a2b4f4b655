package io.supportlab.experiments;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff "A/B Testing" tab. */
@Controller
class ExperimentWebController {

    @GetMapping("/experiments")
    String page() {
        return "experiments/list";
    }
}
