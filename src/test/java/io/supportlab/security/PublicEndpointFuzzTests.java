package io.supportlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of generated malformed requests (wrong types, huge and binary strings, deep nesting,
 * invalid UTF-8, NUL bytes, unknown fields, abusive headers) against every public endpoint and
 * public form, sent over a raw socket so nothing is cleaned up on the way. None may answer 5xx or
 * show a stack trace, and a rejected request changes no table.
 */
class PublicEndpointFuzzTests {

    @Nested
    class OnSqlite extends Contract {}

    /** PostgreSQL refuses NUL bytes and invalid UTF-8 in text, so it is fuzzed too. */
    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        static final long SEED = 20_251_125L;
        static final int REQUESTS = 2_400;
        static final List<String> TABLES = List.of(
                "tickets",
                "ticket_status_history",
                "ticket_replies",
                "notifications",
                "user_preferences",
                "ab_test_assignments",
                "ab_test_events",
                "faq_deflections",
                "faqs");

        /** A public endpoint and what a valid body for it looks like. */
        record Endpoint(String method, String path, String contentType, Map<String, Object> template) {}

        final JsonMapper json = JsonMapper.builder().build();
        List<Endpoint> endpoints;
        String faq;

        @BeforeEach
        void someRealThingsToAimAt() {
            faq = api(admin())
                    .post(
                            "/api/faqs",
                            "{\"question\":\"How do I reset my password?\",\"answer\":\"Use the link.\"}",
                            201)
                    .get("id")
                    .asString();
            admin().post()
                    .uri("/api/ab-tests")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\":\"F\",\"key\":\"fuzz\",\"control_variant\":\"a\",\"test_variant\":\"b\","
                            + "\"target_metric\":\"clicks\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            admin().put()
                    .uri("/api/ab-tests/fuzz/status")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"running\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();
            String json = "application/json";
            String form = "application/x-www-form-urlencoded";
            endpoints = List.of(
                    new Endpoint(
                            "POST",
                            "/api/tickets",
                            json,
                            map(
                                    "title",
                                    "t",
                                    "description",
                                    "d",
                                    "priority",
                                    "high",
                                    "contact_email",
                                    "a@example.com")),
                    new Endpoint("POST", "/api/faqs/" + faq + "/feedback", json, map("helpful", true)),
                    new Endpoint("POST", "/api/faqs/" + faq + "/deflections", json, map("draft_id", "d1")),
                    new Endpoint(
                            "POST",
                            "/api/ab-tests/fuzz/assign",
                            json,
                            map("user_identifier", "u1", "attributes", map())),
                    new Endpoint(
                            "POST",
                            "/api/ab-tests/fuzz/events",
                            json,
                            map("user_identifier", "u1", "event_name", "clicks", "event_value", 1, "event_id", "e1")),
                    new Endpoint(
                            "POST", "/api/ab/assign", json, map("user_identifier", "u1", "experiments", List.of())),
                    // Named experiments, known and unknown, each a value to mutate; and more than one call may name.
                    new Endpoint(
                            "POST",
                            "/api/ab/assign",
                            json,
                            map("user_identifier", "u2", "experiments", List.of("fuzz", "missing", "fuzz"))),
                    new Endpoint(
                            "POST",
                            "/api/ab/assign",
                            json,
                            map("user_identifier", "u3", "experiments", java.util.Collections.nCopies(101, "unknown"))),
                    new Endpoint(
                            "POST",
                            "/api/ab/events",
                            json,
                            map(
                                    "events",
                                    List.of(map("experiment", "fuzz", "user_identifier", "u1", "event_name", "x")))),
                    new Endpoint("POST", "/api/ab/events", "text/plain", map("events", List.of())),
                    new Endpoint("POST", "/api/access-links", json, map("email", "a@example.com")),
                    new Endpoint("GET", "/api/faqs", "", map("search", "password", "category", "general", "limit", 5)),
                    new Endpoint("GET", "/api/faqs/" + faq, "", map()),
                    new Endpoint("GET", "/api/faqs/categories/stats", "", map()),
                    new Endpoint("GET", "/api/faqs/suggestions", "", map("text", "reset my password")),
                    new Endpoint("GET", "/api/health", "", map()),
                    new Endpoint(
                            "POST",
                            "/help/tickets",
                            form,
                            map("title", "t", "description", "d", "contactEmail", "a@example.com", "priority", "low")),
                    new Endpoint("POST", "/help/articles/" + faq + "/feedback", form, map("helpful", "true")),
                    new Endpoint("POST", "/my/link", form, map("email", "a@example.com")),
                    new Endpoint("POST", "/unsubscribe", form, map("token", "abc")),
                    new Endpoint("GET", "/", "", map()),
                    new Endpoint("GET", "/help/search", "", map("q", "password", "category", "general")),
                    new Endpoint("GET", "/help/articles/" + faq, "", map("draft", "x")),
                    new Endpoint("GET", "/help/suggestions", "", map("title", "password", "description", "reset")),
                    new Endpoint("GET", "/my/access", "", map("token", "abc")),
                    new Endpoint("GET", "/unsubscribe", "", map("token", "abc")));
        }

        @Test
        void malformedRequestsNeverCauseServerErrorsLeaksOrPartialWrites() throws IOException {
            SplittableRandom random = new SplittableRandom(SEED);
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (int n = 0; n < REQUESTS; n++) {
                Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
                byte[] request = request(endpoint, random);
                Map<String, Long> before = counts();
                Response response = send(request);
                statuses.merge(response.status(), 1, Integer::sum);
                String what =
                        "request " + n + " to " + endpoint.method() + " " + endpoint.path() + ": " + preview(request);
                assertThat(response.status()).as(what).isBetween(100, 499);
                assertThat(response.text())
                        .as(what)
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ")
                        .doesNotContain("at io.supportlab")
                        .doesNotContain("org.springframework")
                        .doesNotContain("Caused by");
                // 406 comes after the handler ran: the write was whole, only the answer could not be shaped.
                if (response.status() >= 400 && response.status() != 406) {
                    assertThat(counts()).as(what + " was refused but wrote").isEqualTo(before);
                } else if (endpoint.path().equals("/help/tickets") && response.status() == 200) {
                    // The form shown again with its errors: nothing was filed.
                    assertThat(counts().get("tickets")).as(what).isEqualTo(before.get("tickets"));
                }
            }
            System.out.println("Fuzzed " + REQUESTS + " requests (seed " + SEED + "), statuses: " + statuses);
            assertThat(statuses.keySet()).contains(400);
        }

        // --- generation ---

        byte[] request(Endpoint endpoint, SplittableRandom random) {
            StringBuilder path = new StringBuilder(mutatePath(endpoint.path(), random));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", "localhost");
            headers.put("Connection", "close");
            headers.put("X-Forwarded-For", "198.18." + random.nextInt(256) + "." + random.nextInt(256));
            byte[] body = new byte[0];
            if (endpoint.method().equals("GET")) {
                path.append('?').append(query(endpoint.template(), random));
            } else {
                Object value = mutate(endpoint.template(), random, 0);
                body = endpoint.contentType().contains("form")
                        ? form(value, random).getBytes(StandardCharsets.UTF_8)
                        : jsonBody(value, random);
                headers.put("Content-Type", contentType(endpoint.contentType(), random));
            }
            abuseHeaders(headers, random);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((endpoint.method() + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            headers.forEach(
                    (name, value) -> out.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            if (body.length > 0 || endpoint.method().equals("POST")) {
                out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body);
            return out.toByteArray();
        }

        static String mutatePath(String path, SplittableRandom random) {
            return switch (random.nextInt(12)) {
                case 0 -> path.replace("fuzz", "%00fuzz");
                case 1 -> path.replace("fuzz", "fu%C3%28zz");
                case 2 -> path.replace(path.substring(path.lastIndexOf('/') + 1), "%3Cscript%3E");
                case 3 -> path + "/..%2F..%2Fetc%2Fpasswd";
                default -> path;
            };
        }

        Object mutate(Object value, SplittableRandom random, int depth) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> {
                    if (random.nextInt(10) > 0) {
                        copy.put(String.valueOf(k), random.nextInt(3) == 0 ? mutate(v, random, depth + 1) : v);
                    }
                });
                if (random.nextInt(4) == 0) {
                    copy.put(nastyString(random), nastyValue(random, depth)); // unknown field
                }
                return random.nextInt(25) == 0 ? nastyValue(random, depth) : copy;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                for (Object item : list) {
                    copy.add(mutate(item, random, depth + 1));
                }
                if (random.nextInt(3) == 0) {
                    copy.add(nastyValue(random, depth));
                }
                return copy;
            }
            return nastyValue(random, depth);
        }

        Object nastyValue(SplittableRandom random, int depth) {
            return switch (random.nextInt(depth > 3 ? 9 : 11)) {
                case 0 -> random.nextLong();
                case 1 -> random.nextDouble() * 1e308 * (random.nextBoolean() ? 1 : -1);
                case 2 -> random.nextBoolean();
                case 3 -> null;
                case 4 -> "";
                case 5, 6 -> nastyString(random);
                case 7 -> "x".repeat(random.nextInt(1, 300_000));
                case 8 -> List.of(nastyString(random), random.nextInt());
                case 9 -> nested(random.nextInt(2, 60), random);
                default -> map(nastyString(random), nastyValue(random, depth + 1));
            };
        }

        static Object nested(int depth, SplittableRandom random) {
            Object value = "deep";
            for (int i = 0; i < depth; i++) {
                value = random.nextBoolean() ? List.of(value) : Map.of("a", value);
            }
            return value;
        }

        static String nastyString(SplittableRandom random) {
            String[] pieces = {
                "\u0000",
                "\u0007",
                "\uFFFF",
                "\uD83D\uDE00",
                "\u202E",
                "e\u0301",
                "'; DROP TABLE tickets; --",
                "<script>",
                "%s%n",
                "../../",
                "\\",
                "\"",
                "{}",
                "[",
                "null",
                "1e999999",
                "NaN",
                "@",
                "a@b.c",
                "\r\n",
                "ي",
                "漢字",
                "\uDC00",
                " "
            };
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(1, 8);
            for (int i = 0; i < parts; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            return text.toString();
        }

        byte[] jsonBody(Object value, SplittableRandom random) {
            byte[] bytes = json.writeValueAsBytes(value);
            return switch (random.nextInt(12)) {
                case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)); // truncated
                case 1 -> withInvalidUtf8(bytes, random);
                case 2 -> ("[".repeat(random.nextInt(10, 5_000))).getBytes(StandardCharsets.UTF_8); // deep, unclosed
                case 3 -> "{\"a\":".repeat(random.nextInt(10, 3_000)).getBytes(StandardCharsets.UTF_8);
                case 4 -> new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 0x7B};
                case 5 -> "null".getBytes(StandardCharsets.UTF_8);
                default -> bytes;
            };
        }

        static byte[] withInvalidUtf8(byte[] bytes, SplittableRandom random) {
            byte[] copy = java.util.Arrays.copyOf(bytes, bytes.length + 2);
            int at = random.nextInt(copy.length - 1);
            copy[at] = (byte) 0xC3;
            copy[at + 1] = (byte) 0x28;
            return copy;
        }

        String form(Object value, SplittableRandom random) {
            if (!(value instanceof Map<?, ?> map)) {
                return "%%%" + nastyString(random);
            }
            StringBuilder form = new StringBuilder();
            map.forEach((k, v) -> {
                String text = v instanceof String s ? s : json.writeValueAsString(v);
                form.append(form.isEmpty() ? "" : "&")
                        .append(random.nextInt(8) == 0 ? k : encode(String.valueOf(k)))
                        .append('=')
                        .append(random.nextInt(8) == 0 ? text.replace("&", "") : encode(text));
            });
            return form.toString();
        }

        String query(Map<String, Object> template, SplittableRandom random) {
            StringBuilder query = new StringBuilder();
            template.forEach((k, v) -> {
                Object value = random.nextInt(3) == 0 ? nastyValue(random, 4) : v;
                String text = value instanceof String s ? s : String.valueOf(value);
                if (text.length() > 20_000) {
                    text = text.substring(0, 20_000);
                }
                query.append(query.isEmpty() ? "" : "&").append(k).append('=').append(encode(text));
            });
            if (random.nextInt(6) == 0) {
                query.append("&%ZZ=%E0%A4%A&limit=-1&cursor=").append(encode(nastyString(random)));
            }
            return query.toString();
        }

        static String contentType(String proper, SplittableRandom random) {
            return switch (random.nextInt(10)) {
                case 0 -> proper + "; charset=garbage-42";
                case 1 -> "multipart/form-data";
                case 2 -> "application/xml";
                case 3 -> ";;;";
                case 4 -> "text/plain; charset=UTF-16";
                default -> proper;
            };
        }

        static void abuseHeaders(Map<String, String> headers, SplittableRandom random) {
            switch (random.nextInt(10)) {
                case 0 -> headers.put("X-Filler", "h".repeat(random.nextInt(1_000, 60_000)));
                case 1 -> headers.put("Accept", "application/xml, text/csv;q=0");
                case 2 -> headers.put("X-Forwarded-For", "not-an-ip, 999.1.1.1, " + "1.2.3.4,".repeat(200));
                case 3 -> headers.put("Authorization", random.nextBoolean() ? "Bearer slt_junk" : "Basic %%%");
                case 4 -> headers.put("Cookie", "JSESSIONID=" + "z".repeat(500));
                case 5 -> headers.put("X-Bytes", "caf\u00e9 \u0001");
                case 6 -> headers.put("Accept-Language", "x".repeat(5_000));
                default -> {}
            }
        }

        static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        // --- sending and checking ---

        record Response(int status, String text) {}

        Response send(byte[] request) throws IOException {
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException closedEarly) {
                    // The server answered (413, 431, 400) before reading everything; read what it said.
                }
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream received = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        received.write(buffer, 0, n);
                    }
                } catch (SocketTimeoutException | java.net.SocketException e) {
                    // keep what arrived
                }
                String text = received.toString(StandardCharsets.ISO_8859_1);
                assertThat(text).as("an answer to " + preview(request)).startsWith("HTTP/1.1 ");
                return new Response(Integer.parseInt(text.substring(9, 12)), text);
            }
        }

        Map<String, Long> counts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(
                        table,
                        jdbc.sql("SELECT COUNT(*) FROM " + table)
                                .query(Long.class)
                                .single());
            }
            return counts;
        }

        static String preview(byte[] request) {
            String text = new String(request, StandardCharsets.ISO_8859_1);
            return text.length() > 400 ? text.substring(0, 400) + "…" : text;
        }

        tools.jackson.databind.JsonNode read(String body) {
            return json.readTree(body);
        }

        static Map<String, Object> map(Object... pairs) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                map.put(String.valueOf(pairs[i]), pairs[i + 1]);
            }
            return map;
        }
    }
}
