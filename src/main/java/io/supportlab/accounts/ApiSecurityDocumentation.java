package io.supportlab.accounts;

import io.supportlab.accounts.ApiAccess.Level;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Documents how to authenticate and who may call each operation, from {@link ApiAccess}, the rules
 * the API's filter chain enforces: Swagger UI's Authorize button offers the schemes, and each
 * operation names the ones it takes (none for public ones) and its 401 and 403.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // before the problem bodies are filled in for every error response
class ApiSecurityDocumentation implements OpenApiCustomizer {

    static final String PASSWORD = "staffPassword";
    static final String TOKEN = "staffToken";
    static final String CUSTOMER = "customerToken";

    private static final List<SecurityRequirement> STAFF =
            List.of(new SecurityRequirement().addList(PASSWORD), new SecurityRequirement().addList(TOKEN));
    private static final List<SecurityRequirement> CUSTOMER_OR_STAFF = List.of(
            new SecurityRequirement().addList(PASSWORD),
            new SecurityRequirement().addList(TOKEN),
            new SecurityRequirement().addList(CUSTOMER));

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(
                components
                        .addSecuritySchemes(
                                PASSWORD,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description(
                                                "A staff member's email and password, sent with every request"
                                                        + " (curl -u). The API never asks for them (its 401 challenges for a bearer"
                                                        + " token), and refuses them on changes that another site's page sends."))
                        .addSecuritySchemes(
                                TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("slt_...")
                                        .description(
                                                "A staff API token (account menu, API tokens), with the rights of"
                                                        + " its owner; it stops working when revoked or the account is deactivated."))
                        .addSecuritySchemes(
                                CUSTOMER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "A customer's access token (the token of the link emailed to them):"
                                                        + " their own tickets, replies and preferences only, until the link expires.")));
        api.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        Level level = ApiAccess.levelOf(method.name(), path);
        switch (level) {
            case PUBLIC -> operation.setSecurity(List.of());
            case CUSTOMER -> operation.setSecurity(CUSTOMER_OR_STAFF);
            case STAFF, ADMIN -> operation.setSecurity(STAFF);
        }
        if (level == Level.PUBLIC) {
            return;
        }
        operation
                .getResponses()
                .computeIfAbsent(
                        "401", s -> new ApiResponse().description("No valid credentials (`WWW-Authenticate: Bearer`)"));
        operation
                .getResponses()
                .computeIfAbsent(
                        "403",
                        s -> new ApiResponse()
                                .description(switch (level) {
                                            case ADMIN -> "Not an admin";
                                            case CUSTOMER -> "Neither staff nor the customer the data belongs to";
                                            default -> "Not staff";
                                        }
                                        + "; or HTTP Basic on a change another site's page sent"));
    }
}
