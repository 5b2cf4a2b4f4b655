package io.supportlab.accounts;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which API endpoint: the one list of rules that the API's filter chain enforces and
 * the OpenAPI description documents, so the two cannot drift apart. The first rule that matches a
 * request decides; an endpoint no rule names is for staff.
 */
final class ApiAccess {

    /** Who may call an endpoint. */
    enum Level {
        /** Anyone, without credentials. */
        PUBLIC,
        /** A customer's access link (as a bearer token) for their own data, or staff. */
        CUSTOMER,
        /** Agents and admins. */
        STAFF,
        /** Admins only. */
        ADMIN
    }

    /** Requests with {@code method} (null: any) whose path matches {@code pattern}. */
    record Rule(@Nullable HttpMethod method, String pattern, Level level) {

        boolean matches(HttpMethod requestMethod, String path) {
            return (method == null || method.equals(requestMethod))
                    && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    static final List<Rule> RULES = List.of(
            // Staff-only path under a public pattern.
            new Rule(HttpMethod.GET, "/api/faqs/analytics", Level.STAFF),
            // The public help-desk and experiment calls.
            new Rule(HttpMethod.GET, "/api/health", Level.PUBLIC),
            new Rule(HttpMethod.GET, "/api/faqs", Level.PUBLIC),
            new Rule(HttpMethod.GET, "/api/faqs/*", Level.PUBLIC),
            new Rule(HttpMethod.GET, "/api/faqs/categories/stats", Level.PUBLIC),
            new Rule(HttpMethod.GET, "/api/faqs/suggestions", Level.PUBLIC),
            new Rule(HttpMethod.POST, "/api/tickets", Level.PUBLIC),
            new Rule(HttpMethod.POST, "/api/faqs/*/feedback", Level.PUBLIC),
            new Rule(HttpMethod.POST, "/api/faqs/*/deflections", Level.PUBLIC),
            new Rule(HttpMethod.POST, "/api/ab-tests/*/assign", Level.PUBLIC),
            new Rule(HttpMethod.POST, "/api/ab-tests/*/events", Level.PUBLIC),
            new Rule(HttpMethod.POST, "/api/ab/assign", Level.PUBLIC),
            new Rule(HttpMethod.POST, "/api/ab/events", Level.PUBLIC),
            new Rule(HttpMethod.POST, "/api/access-links", Level.PUBLIC),
            // Administration.
            new Rule(null, "/api/users", Level.ADMIN),
            new Rule(null, "/api/users/**", Level.ADMIN),
            new Rule(null, "/api/audit", Level.ADMIN),
            new Rule(null, "/api/privacy/**", Level.ADMIN),
            new Rule(null, "/api/admin/**", Level.ADMIN),
            new Rule(HttpMethod.POST, "/api/teams", Level.ADMIN),
            new Rule(HttpMethod.PUT, "/api/teams/*", Level.ADMIN),
            new Rule(HttpMethod.DELETE, "/api/teams/*", Level.ADMIN),
            new Rule(HttpMethod.POST, "/api/ab-tests", Level.ADMIN),
            new Rule(HttpMethod.PUT, "/api/ab-tests/*", Level.ADMIN),
            new Rule(HttpMethod.PUT, "/api/ab-tests/*/status", Level.ADMIN),
            // What a customer's access link may call, besides the public API.
            new Rule(HttpMethod.GET, "/api/tickets/*", Level.CUSTOMER),
            new Rule(HttpMethod.GET, "/api/tickets/*/history", Level.CUSTOMER),
            new Rule(HttpMethod.GET, "/api/tickets/*/replies", Level.CUSTOMER),
            new Rule(HttpMethod.GET, "/api/preferences/*", Level.CUSTOMER),
            new Rule(HttpMethod.POST, "/api/tickets/*/replies", Level.CUSTOMER),
            new Rule(HttpMethod.POST, "/api/preferences", Level.CUSTOMER));

    private ApiAccess() {}

    /** Who may call {@code method path}, for a concrete path or a template ({@code /api/tickets/{id}}). */
    static Level levelOf(String method, String path) {
        HttpMethod requestMethod = HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
        String concrete = path.replaceAll("\\{[^}/]+}", "x");
        return RULES.stream()
                .filter(rule -> rule.matches(requestMethod, concrete))
                .map(Rule::level)
                .findFirst()
                .orElse(Level.STAFF);
    }
}
