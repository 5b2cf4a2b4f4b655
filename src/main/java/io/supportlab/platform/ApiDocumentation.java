package io.supportlab.platform;

import io.supportlab.platform.limits.RateLimiter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The API description at {@code /v3/api-docs} (and Swagger UI): its title, and the errors every
 * operation can answer, as RFC 9457 problems. Endpoint-specific errors (a 409 for a stale version,
 * say) are declared on the controllers with {@code @ApiResponse}; this fills in their problem body.
 * Who may call what is documented by the accounts module, which decides it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI supportLabApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("SupportLab API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description("""
                                Help desk, knowledge base, email preferences and experiments of one SupportLab \
                                installation. JSON in snake_case; lists are plain arrays with the next page in \
                                a `Link: <...>; rel="next"` header; every error is an RFC 9457 problem \
                                (`application/problem+json`) with a stable `type`, and `errors` naming each \
                                invalid field. Authentication and usage: docs/api.md in the repository."""))
                .components(new Components().addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE) // after every other customizer added its error responses
    OpenApiCustomizer problemResponses(RateLimiter limits) {
        return api -> api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> addProblems(path, method, operation, limits)));
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation, RateLimiter limits) {
        ApiResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (hasInput) {
            putIfAbsent(responses, "400", "Invalid input: `errors` names each field and why");
        }
        if (path.contains("{")) {
            putIfAbsent(responses, "404", "No such resource (or not one the caller may see)");
        }
        if (operation.getRequestBody() != null) {
            putIfAbsent(responses, "413", "Body larger than the limit, or a batch with too many items (`max_items`)");
            putIfAbsent(responses, "415", "Body not in a supported content type");
        }
        String concrete = path.replaceAll("\\{[^}/]+}", "x");
        if (limits.mayLimit(method.name(), concrete)) {
            putIfAbsent(responses, "429", "Too many requests from this client address; see `Retry-After`")
                    .addHeaderObject("Retry-After", retryAfter());
        }
        putIfAbsent(responses, "503", "The database cannot be reached; try again after `Retry-After` seconds")
                .addHeaderObject("Retry-After", retryAfter());
        // Every error answers a problem. Springdoc gives a declared error response the method's
        // return type, and drops the success response when a method declares any: it moves back.
        Content success = null;
        for (var entry : responses.entrySet()) {
            if (entry.getKey().compareTo("400") >= 0) {
                Content declared = entry.getValue().getContent();
                if (declared != null && !declared.containsKey(PROBLEM_JSON) && success == null) {
                    success = declared;
                }
                entry.getValue().setContent(problemContent());
            }
        }
        if (success != null && responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
            responses.addApiResponse("200", new ApiResponse().description("OK").content(success));
        }
        var byStatus = new java.util.TreeMap<>(responses);
        responses.clear();
        responses.putAll(byStatus);
    }

    private static ApiResponse putIfAbsent(ApiResponses responses, String status, String description) {
        return responses.computeIfAbsent(status, s -> new ApiResponse().description(description));
    }

    static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before trying again").schema(new IntegerSchema());
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, in snake_case as sent"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        return new ObjectSchema()
                .description("An RFC 9457 problem. Some problems carry more members, named in the operation"
                        + " (e.g. `current_version`, `allowed`, `max_items`).")
                .addProperty("type", new StringSchema().format("uri").description("stable identifier of the kind"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what happened, for people"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("each invalid field"))
                .additionalProperties(true)
                .example(Map.of(
                        "type", "/problems/validation",
                        "title", "Invalid request",
                        "status", 400,
                        "detail", "title must not be blank",
                        "errors", java.util.List.of(Map.of("field", "title", "message", "must not be blank"))))
                .name(PROBLEM.toLowerCase(Locale.ROOT));
    }
}
