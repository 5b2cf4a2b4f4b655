package io.supportlab.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed's liveness check. Detailed health (database, mail) is at {@code /actuator/health}. */
@Tag(name = "Health")
@RestController
class HealthRestController {

    record Health(String status, String message) {}

    private static final Health OK = new Health("OK", "Support API is running");

    @Operation(summary = "Liveness check", description = "Answers as long as the application serves requests.")
    @GetMapping("/api/health")
    Health health() {
        return OK;
    }
}
