package io.supportlab.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's health check, answering OK only when every request can be served: start-up work is
 * done and the database answers. Detailed health is at {@code /actuator/health}.
 */
@Tag(name = "Health")
@RestController
class HealthRestController {

    record Health(String status, String message) {}

    private static final Health OK = new Health("OK", "Support API is running");

    private final ServiceReadiness readiness;

    HealthRestController(ServiceReadiness readiness) {
        this.readiness = readiness;
    }

    @Operation(
            summary = "Health check (public)",
            description = "OK (200) once start-up is complete and while the database answers; otherwise 503 with "
                    + "status STARTING, STOPPING or DOWN. Load balancers and probes can rely on it.")
    @ApiResponse(responseCode = "200", description = "ready to serve every request")
    @ApiResponse(
            responseCode = "503",
            description = "starting, stopping, or the database is unreachable",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @GetMapping("/api/health")
    ResponseEntity<Health> health() {
        return switch (readiness.state()) {
            case READY -> ResponseEntity.ok(OK);
            case STARTING -> unavailable("STARTING", "Support API is starting");
            case STOPPING -> unavailable("STOPPING", "Support API is shutting down");
            case DATABASE_DOWN -> unavailable("DOWN", "Support API cannot reach its database");
        };
    }

    private static ResponseEntity<Health> unavailable(String status, String message) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(new Health(status, message));
    }
}
