package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JavaScript SDK ({@code /sdk/supportlab-ab.js}) in headless Chromium, on a test page that
 * uses nothing but the SDK ({@code src/test/resources/static/sdk/test/}), against the running
 * application; and the {@code text/plain} variant of the events endpoint that its beacons use.
 */
class SdkBrowserTests extends BrowserTest {

    static final String PAGE = "/sdk/test/page.html";
    static final String ASSIGN = "/api/ab/assign";
    static final String EVENTS = "/api/ab/events";

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void runningExperimentsAndAFreshVisitor() {
        running("checkout-button", "green_button", "blue_button");
        running("pricing-page", "monthly", "yearly");
        // One Chromium serves every test: forget the previous test's visitor (same origin as /login).
        script("localStorage.clear(); sessionStorage.clear();");
    }

    @Test
    void anonymousUserIdIsAUuidKeptInLocalStorageAcrossReloads() {
        openPageAndWaitForTheVariant("");
        String userId = (String) script("return SupportLabAB.getUserId();");
        assertThat(userId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(script("return localStorage.getItem('ab_test_user_id');")).isEqualTo(userId);

        browser.navigate().refresh();
        waitForTheVariant();
        assertThat(script("return SupportLabAB.getUserId();")).isEqualTo(userId);
        assertThat(jdbc.sql("SELECT user_identifier FROM ab_test_assignments")
                        .query(String.class)
                        .list())
                .containsExactly(userId);
    }

    @Test
    void assignmentIsCachedSoAReloadDoesNotAskTheServerAgain() {
        double before = serverRequests(ASSIGN);
        String variant = openPageAndWaitForTheVariant("");
        String userId = (String) script("return SupportLabAB.getUserId();");
        assertThat(variant).isIn("green_button", "blue_button");
        assertThat(storedVariant(userId)).isEqualTo(variant);
        assertThat(awaitRequestsFromThisPage(ASSIGN, 1)).containsExactly("fetch");
        // The server records a request just after answering it.
        waitUpTo(5).until(d -> serverRequests(ASSIGN) >= before + 1);
        double afterFirstLoad = serverRequests(ASSIGN);
        Browser.screenshot("sdk-test-page");

        browser.navigate().refresh();
        assertThat(waitForTheVariant()).isEqualTo(variant);
        assertThat(requestsFromThisPage(ASSIGN)).isEmpty();
        assertThat(serverRequests(ASSIGN)).isEqualTo(afterFirstLoad);
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) script("return SupportLabAB.debug();");
        assertThat(state).containsEntry("user_id", userId);
        assertThat(state.get("assignments").toString()).contains("checkout-button", variant);
    }

    @Test
    void concurrentCallsShareOneRequestAndGetVariantsAsksForAllKeysAtOnce() {
        openPageAndWaitForTheVariant("");
        List<?> three = (List<?>) asyncScript("""
                var done = arguments[arguments.length - 1];
                Promise.all([1, 2, 3].map(function () { return SupportLabAB.getVariant('pricing-page'); })).then(done);
                """);
        assertThat(three).hasSize(3).doesNotContainNull();
        assertThat(three.stream().distinct()).singleElement().isIn("monthly", "yearly");
        assertThat(awaitRequestsFromThisPage(ASSIGN, 2)).hasSize(2); // the page's own, then one for the three

        // Another user (as after a login): nothing is cached for them, one request answers both keys.
        @SuppressWarnings("unchecked")
        Map<String, Object> variants = (Map<String, Object>) asyncScript("""
                var done = arguments[arguments.length - 1];
                SupportLabAB.init({userId: 'customer-42'});
                SupportLabAB.getVariants(['checkout-button', 'pricing-page']).then(done);
                """);
        assertThat(variants).containsOnlyKeys("checkout-button", "pricing-page");
        assertThat(awaitRequestsFromThisPage(ASSIGN, 3)).hasSize(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ab_test_assignments WHERE user_identifier = 'customer-42'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void trackedEventsAreBatchedIntoOneRequestAndStored() {
        openPageAndWaitForTheVariant("?flush=4000"); // room for three clicks on a busy machine
        String userId = (String) script("return SupportLabAB.getUserId();");
        for (int i = 0; i < 3; i++) {
            browser.findElement(By.id("buy")).click();
        }
        waitUpTo(15).until(d -> storedEvents() == 3);
        assertThat(awaitRequestsFromThisPage(EVENTS, 1)).containsExactly("fetch");
        var rows = jdbc.sql("SELECT user_identifier, event_name, event_value, event_data, event_id FROM ab_test_events")
                .query()
                .listOfRows();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("user_identifier")).isEqualTo(userId);
            assertThat(row.get("event_name")).isEqualTo("clicks");
            assertThat(((Number) row.get("event_value")).doubleValue()).isEqualTo(1.0);
            assertThat(json.readTree((String) row.get("event_data"))
                            .get("location")
                            .asString())
                    .isEqualTo("header");
        });
        assertThat(rows.stream().map(row -> row.get("event_id")).distinct()).hasSize(3);
    }

    @Test
    void queuedEventsAreSentAsABeaconWhenThePageIsHidden() {
        openPageAndWaitForTheVariant("?flush=600000"); // no timed flush during the test
        browser.findElement(By.id("buy")).click();
        browser.findElement(By.id("buy")).click();
        assertThat((List<?>) script("return SupportLabAB.debug().queued;")).hasSize(2);
        assertThat(storedEvents()).isZero();

        script("""
                window.beaconBodies = [];
                var send = navigator.sendBeacon.bind(navigator);
                navigator.sendBeacon = function (url, body) {
                  window.beaconBodies.push(body instanceof Blob ? body.type : typeof body);
                  return send(url, body);
                };
                window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: false}));
                """);
        waitUpTo(10).until(d -> storedEvents() == 2);
        assertThat(awaitRequestsFromThisPage(EVENTS, 1)).containsExactly("beacon");
        // A string travels as text/plain;charset=UTF-8, which browsers send cross-origin too.
        assertThat(script("return window.beaconBodies;")).isEqualTo(List.of("string"));
        assertThat((List<?>) script("return SupportLabAB.debug().queued;")).isEmpty();

        // And for real: leaving the page sends what was queued since.
        browser.findElement(By.id("buy")).click();
        open("/sdk/supportlab-ab.js");
        waitUpTo(10).until(d -> storedEvents() == 3);
    }

    @Test
    void unreachableApiResolvesToTheFallbackAndTheFailureIsNotCached() {
        // Nothing listens on port 1 (and the page's CSP would not let the request out anyway).
        assertThat(openPageAndWaitForTheVariant("?api=http://127.0.0.1:1")).isEqualTo("fallback");
        assertThat(asyncScript("""
                        var done = arguments[arguments.length - 1];
                        SupportLabAB.getVariant('pricing-page').then(done);
                        """)).isEqualTo("control");

        // A server that answers with an error (a POST without a CSRF token to a page path: 403).
        assertThat(asyncScript("""
                        var done = arguments[arguments.length - 1];
                        SupportLabAB.init({apiBase: arguments[0]});
                        SupportLabAB.getVariant('pricing-page', 'monthly').then(done);
                        """, baseUrl() + "/sdk/test/down")).isEqualTo("monthly");
        assertThat(script("return localStorage.getItem('ab_test_assignments');"))
                .isNull();

        // Events wait while the API is down and go once it is back.
        assertThat(asyncScript("""
                        var done = arguments[arguments.length - 1];
                        SupportLabAB.init({apiBase: 'http://127.0.0.1:1'});
                        SupportLabAB.track('checkout-button', 'clicks');
                        SupportLabAB.flush().then(done);
                        """)).isEqualTo(false);
        assertThat((List<?>) script("return SupportLabAB.debug().queued;")).hasSize(1);

        String variant = (String) asyncScript("""
                var done = arguments[arguments.length - 1];
                SupportLabAB.init({apiBase: arguments[0]});
                SupportLabAB.getVariant('checkout-button').then(function (variant) {
                  SupportLabAB.flush().then(function () { done(variant); });
                });
                """, baseUrl());
        assertThat(variant).isIn("green_button", "blue_button");
        assertThat(storedEvents()).isEqualTo(1);
    }

    @Test
    void textPlainBeaconBodyIsStoredLikeJson() {
        anonymous()
                .post()
                .uri(ASSIGN)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"user_identifier\":\"u-1\",\"experiments\":[\"checkout-button\"]}")
                .exchange()
                .expectStatus()
                .isOk();
        String batch = """
                {"events": [{"experiment": "checkout-button", "user_identifier": "u-1", "event_name": "clicks",
                  "event_value": 1, "event_data": {"note": "grüße"}, "event_id": "e-1"},
                 {"experiment": "checkout-button", "user_identifier": "stranger", "event_name": "clicks"}]}""";

        JsonNode first = beacon(batch, 200);
        assertThat(first.get("accepted").asInt()).isEqualTo(1);
        assertThat(first.get("rejected").asInt()).isEqualTo(1);
        assertThat(first.get("results").get(1).get("reason").asString()).contains("not assigned");
        assertThat(beacon(batch, 200).get("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT event_data FROM ab_test_events")
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(data ->
                        assertThat(json.readTree(data).get("note").asString()).isEqualTo("grüße"));
    }

    @Test
    void malformedTextPlainBodyIsRefusedLikeMalformedJson() {
        JsonNode problem = beacon("{\"events\": [", 400);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(problem.get("detail").asString()).startsWith("Malformed JSON");
        assertThat(problem.get("instance").asString()).isEqualTo(EVENTS);

        assertThat(problem).isEqualTo(sentAsJson("{\"events\": [", 400));

        assertThat(beacon("{\"events\": \"many\"}", 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("events");
        assertThat(beacon("", 400).get("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(beacon("null", 400)).isEqualTo(sentAsJson("null", 400));
        assertThat(storedEvents()).isZero();
    }

    // ---- helpers ----

    void running(String key, String control, String treatment) {
        String created = admin().post()
                .uri("/api/ab-tests")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name": "%s", "key": "%s", "target_metric": "clicks",
                         "variants": [{"key": "%s", "weight": 0.5}, {"key": "%s", "weight": 0.5}]}""".formatted(key, key, control, treatment))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        admin().put()
                .uri("/api/ab-tests/" + json.readTree(created).get("id").asString() + "/status")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"status\":\"running\"}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    String openPageAndWaitForTheVariant(String query) {
        open(PAGE + query);
        return waitForTheVariant();
    }

    String waitForTheVariant() {
        waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("buy")));
        return browser.findElement(By.id("variant")).getText();
    }

    Object script(String source, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(source, args);
    }

    Object asyncScript(String source, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(source, args);
    }

    /** How the current page called the path (fetch, beacon...), from the browser's resource timing. */
    @SuppressWarnings("unchecked")
    List<String> requestsFromThisPage(String path) {
        return (List<String>) script("""
                var path = arguments[0];
                return performance.getEntriesByType('resource')
                  .filter(function (e) { return new URL(e.name).pathname === path; })
                  .map(function (e) { return e.initiatorType; });
                """, path);
    }

    /** The page's requests once at least {@code count} are recorded (an entry follows its response). */
    List<String> awaitRequestsFromThisPage(String path, int count) {
        waitUpTo(5).until(d -> requestsFromThisPage(path).size() >= count);
        return requestsFromThisPage(path);
    }

    /** Requests the server answered on the path, whoever sent them. */
    double serverRequests(String path) {
        return meters.find("http.server.requests").tag("uri", path).timers().stream()
                .mapToDouble(Timer::count)
                .sum();
    }

    String storedVariant(String userId) {
        return jdbc.sql("SELECT variant FROM ab_test_assignments WHERE user_identifier = :user")
                .param("user", userId)
                .query(String.class)
                .single();
    }

    long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM ab_test_events").query(Long.class).single();
    }

    JsonNode beacon(String body, int status) {
        return postEvents(MediaType.parseMediaType("text/plain;charset=UTF-8"), body, status);
    }

    JsonNode sentAsJson(String body, int status) {
        return postEvents(MediaType.APPLICATION_JSON, body, status);
    }

    JsonNode postEvents(MediaType contentType, String body, int status) {
        String response = anonymous()
                .post()
                .uri(EVENTS)
                .contentType(contentType)
                .body(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return json.readTree(response);
    }
}
