package io.supportlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client for server-rendered pages: keeps cookies, follows redirects, sends CSRF tokens. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private final String baseUrl;
    private final HttpClient http;
    private String csrf = "";

    public PageSession(String baseUrl) {
        this(
                baseUrl,
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                "");
    }

    private PageSession(String baseUrl, HttpClient http, String csrf) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.csrf = csrf;
    }

    /**
     * The same browser (cookies, last CSRF token) sending its next requests to {@code otherBaseUrl}:
     * another instance behind a load balancer without sticky sessions. Cookies do not depend on the
     * port, so instances on one host receive the same cookies.
     */
    public PageSession at(String otherBaseUrl) {
        return new PageSession(otherBaseUrl, http, csrf);
    }

    public static PageSession staff(String baseUrl, String email, String password) {
        PageSession session = new PageSession(baseUrl);
        session.get("/login");
        HttpResponse<String> after = session.post("/login", Map.of("username", email, "password", password));
        if (after.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("Login failed for " + email);
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    /** A GET with extra request headers, e.g. {@code HX-Request} for an htmx request. */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html");
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.GET());
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    /** A GET whose body is read as it arrives, e.g. an event stream; the caller closes the body. */
    public HttpResponse<InputStream> open(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        headers.forEach(request::header);
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
