package io.supportlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.CustomerAccess;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query parameter of every GET endpoint, API and page, found from the application's own
 * request mappings (so a new endpoint is fuzzed without anyone listing it), gets malformed values:
 * damaged cursors, numbers out of range or not numbers at all, invalid dates and enum values,
 * control characters, markup, very long text. Signed in as an admin (pages and API) or as a
 * customer (customer pages), none may answer 5xx or show a stack trace.
 */
class QueryParameterFuzzTests {

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        static final String CUSTOMER = "fuzzy@example.com";

        /** Values that a parser, a converter or a database could choke on. */
        static final List<String> NASTY = List.of(
                "",
                " ",
                "-1",
                "0",
                "99999999999999999999",
                "2147483648",
                "1e999",
                "NaN",
                "abc",
                "\u0000",
                "%",
                "eB95", // a cursor the reviewers found: base64 of two parts that are not a timestamp and an id
                cursorOf("x", "y"),
                cursorOf("2025-01-01T00:00:00Z"),
                cursorOf("2025-01-01T00:00:00Z", "id", "extra"),
                cursorOf("-1"),
                cursorOf("99999999999999999999"),
                "2025-13-45",
                "2025-01-01T25:00:00Z",
                "<script>alert(1)</script>",
                "'; DROP TABLE tickets; --",
                "\uD800",
                "\u202E漢字ي",
                "true,false",
                "x".repeat(10_000));

        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping mappings;

        @Autowired
        CustomerAccess customerAccess;

        final JsonMapper json = JsonMapper.builder().build();
        final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> ids;
        final List<String> failures = new ArrayList<>();
        PageSession staffPages;
        PageSession customerPages;

        @BeforeEach
        void thingsToPointAt() {
            String ticket = idOf(admin().post()
                    .uri("/api/tickets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"title\":\"Fuzz\",\"description\":\"d\",\"contact_email\":\"" + CUSTOMER + "\"}"));
            String faq = idOf(admin().post()
                    .uri("/api/faqs")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"question\":\"How do I reset my password?\",\"answer\":\"Use the link.\"}"));
            String experiment = idOf(admin().post()
                    .uri("/api/ab-tests")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"F\",\"key\":\"fuzz\",\"control_variant\":\"a\",\"test_variant\":\"b\","
                            + "\"target_metric\":\"clicks\"}"));
            String user = jdbc.sql("SELECT id FROM users WHERE email = :email")
                    .param("email", ADMIN_EMAIL)
                    .query(String.class)
                    .single();
            ids = Map.of(
                    "tickets", ticket,
                    "faqs", faq,
                    "faq", faq,
                    "articles", faq,
                    "ab-tests", experiment,
                    "experiments", experiment,
                    "users", user);
            staffPages = PageSession.staff(baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
            customerPages = new PageSession(baseUrl());
            customerPages.get("/my/access?token=" + customerAccess.token(CUSTOMER));
        }

        @Test
        void malformedQueryParametersNeverCauseServerErrors() {
            List<Target> targets = targets();
            assertThat(targets)
                    .as("the endpoints found, e.g. the ticket and FAQ lists with their cursors")
                    .extracting(Target::path)
                    .contains("/api/tickets", "/api/faqs", "/api/ab-tests", "/api/audit", "/tickets", "/help/search");
            Map<Integer, Integer> statuses = new TreeMap<>();
            int requests = 0;
            for (Target target : targets) {
                for (String parameter : target.parameters()) {
                    for (String value : NASTY) {
                        String query = encode(parameter) + "=" + encode(value);
                        int status = check(target, query);
                        statuses.merge(status, 1, Integer::sum);
                        requests++;
                    }
                    // The same parameter twice, as a form with a repeated field would send it.
                    statuses.merge(check(target, parameter + "=1&" + parameter + "=2"), 1, Integer::sum);
                    requests++;
                }
                if (target.parameters().size() > 1) {
                    StringBuilder all = new StringBuilder();
                    for (String parameter : target.parameters()) {
                        all.append(all.isEmpty() ? "" : "&")
                                .append(parameter)
                                .append("=")
                                .append(encode("-1"));
                    }
                    statuses.merge(check(target, all.toString()), 1, Integer::sum);
                    requests++;
                }
            }
            assertThat(failures).as("server errors or stack traces").isEmpty();
            System.out.println(
                    "Fuzzed " + requests + " query strings on " + targets.size() + " endpoints: " + statuses);
            assertThat(statuses.keySet()).contains(200, 400);
        }

        /** Sends one query; a server error or a leaked stack trace is noted in {@link #failures}. */
        int check(Target target, String query) {
            String path = target.path() + "?" + query;
            HttpResponse<String> response = get(target, path);
            String body = response.body();
            if (response.statusCode() >= 500
                    || body.contains("Exception")
                    || body.contains("\tat ")
                    || body.contains("at io.supportlab")
                    || body.contains("Caused by")) {
                failures.add(response.statusCode() + " for GET " + path.substring(0, Math.min(path.length(), 200)));
            }
            return response.statusCode();
        }

        HttpResponse<String> get(Target target, String path) {
            if (target.path().startsWith("/my/")) {
                return customerPages.get(path);
            }
            if (!target.api()) {
                return staffPages.get(path);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", basic())
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(20))
                    .GET()
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A GET endpoint with its path variables filled in and the names of its query parameters. */
        record Target(String path, boolean api, List<String> parameters) {}

        List<Target> targets() {
            List<Target> targets = new ArrayList<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                    mappings.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = mapping.getKey();
                HandlerMethod handler = mapping.getValue();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
                if (!get
                        || SseEmitter.class.isAssignableFrom(handler.getMethod().getReturnType())
                        || !handler.getBeanType().getPackageName().startsWith("io.supportlab")) {
                    continue; // live-update streams never end; springdoc's and Spring's own are not ours
                }
                List<String> parameters = parameters(handler);
                for (String pattern : info.getPatternValues()) {
                    targets.add(new Target(fill(pattern), pattern.startsWith("/api/"), parameters));
                }
            }
            return targets;
        }

        /** Query parameters: {@code @RequestParam}s, simple unannotated arguments, fields of bound objects. */
        static List<String> parameters(HandlerMethod handler) {
            Set<String> names = new LinkedHashSet<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                Class<?> type = parameter.getParameterType();
                RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
                if (requestParam != null) {
                    if (!Map.class.isAssignableFrom(type)) {
                        String name =
                                requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
                        names.add(name);
                    }
                } else if (parameter.hasParameterAnnotation(PathVariable.class)
                        || parameter.hasParameterAnnotation(RequestBody.class)
                        || parameter.hasParameterAnnotation(RequestHeader.class)
                        || parameter.hasParameterAnnotation(RequestAttribute.class)) {
                    continue;
                } else if (type.isRecord()
                        && (parameter.hasParameterAnnotation(ModelAttribute.class)
                                || type.getPackageName().startsWith("io.supportlab"))) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        names.add(component.getName());
                    }
                } else if (BeanUtils.isSimpleProperty(type) && parameter.getParameterName() != null) {
                    names.add(parameter.getParameterName());
                }
            }
            return List.copyOf(names);
        }

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

        /** Puts a real id into each path variable, chosen by the path segment before it. */
        String fill(String pattern) {
            Matcher variable = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (variable.find()) {
                String before = pattern.substring(0, variable.start());
                String[] segments = before.split("/");
                String collection = segments.length == 0 ? "" : segments[segments.length - 1];
                String value = ids.getOrDefault(collection, variable.group(1).contains("email") ? CUSTOMER : "x");
                variable.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            variable.appendTail(path);
            return path.toString().replace("/**", "").replace("/*", "");
        }

        String idOf(org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec<?> request) {
            String body = request.exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            return json.readTree(body).get("id").asString();
        }

        static String basic() {
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString((ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        }

        static String cursorOf(String... parts) {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
        }

        static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
