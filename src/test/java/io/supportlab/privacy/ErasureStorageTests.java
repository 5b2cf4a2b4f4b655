package io.supportlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

/**
 * An erased address is gone from the storage, not only from the rows the application reads: on
 * SQLite from every byte of the data directory (database, write-ahead log, shared memory, search
 * index), on PostgreSQL from the tables' dead row versions (the tables the erasure changed are
 * vacuumed).
 */
class ErasureStorageTests {

    @Nested
    class OnSqlite extends Contract {

        @Value("${supportlab.data-dir}")
        Path dataDir;

        @Autowired
        StoragePurge storage;

        @Test
        void erasedAddressIsInNoFileOfTheDataDirectory() {
            String email = customerWithTracesEverywhere();
            assertThat(filesMentioning(email))
                    .as("the scan finds the address before the erasure")
                    .isNotEmpty();

            String report = erase(email);

            assertThat(filesMentioning(email)).isEmpty();
            assertThat(report).contains("\"storage_purged\":true");
        }

        /**
         * The checkpoint needs a moment without writers; it must make them wait briefly, never fail
         * them. Four clients keep creating tickets throughout the erasure.
         */
        @Test
        void erasingWhileOthersWriteFailsNoRequest() throws Exception {
            String email = customerWithTracesEverywhere();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            String report;
            List<Future<?>> writers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (int w = 0; w < 4; w++) {
                    writers.add(pool.submit(() -> {
                        while (writing.get()) {
                            post(
                                    "/api/tickets",
                                    "{\"title\":\"Busy\",\"description\":\"d\",\"contact_email\":\"w"
                                            + written.incrementAndGet() + "@example.com\"}");
                        }
                        return null;
                    }));
                }
                while (written.get() < 20) {
                    Thread.onSpinWait();
                }
                report = erase(email);
                writing.set(false);
            }
            for (Future<?> writer : writers) {
                writer.get(); // rethrows a failed request
            }
            if (!report.contains("\"storage_purged\":true")) {
                storage.retryPendingCheckpoint(); // what the scheduler does a minute later
            }
            assertThat(filesMentioning(email)).isEmpty();
        }

        /** Files under the data directory holding the address in any letter case, as UTF-8 or UTF-16. */
        List<String> filesMentioning(String email) {
            String lower = email.toLowerCase(Locale.ROOT);
            List<byte[]> needles = List.of(
                    lower.getBytes(StandardCharsets.UTF_8),
                    lower.getBytes(StandardCharsets.UTF_16LE),
                    lower.getBytes(StandardCharsets.UTF_16BE));
            List<String> found = new ArrayList<>();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = asciiLowerCase(Files.readAllBytes(file));
                    for (byte[] needle : needles) {
                        if (indexOf(bytes, needle) >= 0) {
                            found.add(dataDir.relativize(file) + " (" + charsetOf(needle, lower) + ")");
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return found;
        }

        static String charsetOf(byte[] needle, String text) {
            for (Charset charset :
                    List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                if (java.util.Arrays.equals(needle, text.getBytes(charset))) {
                    return charset.name();
                }
            }
            return "?";
        }

        /** Lower-cases ASCII letters, which is every letter of the address in UTF-8 and UTF-16 alike. */
        static byte[] asciiLowerCase(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] >= 'A' && bytes[i] <= 'Z') {
                    bytes[i] += 'a' - 'A';
                }
            }
            return bytes;
        }

        static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {

        static final List<String> CHANGED = List.of(
                "tickets",
                "ticket_replies",
                "ticket_status_history",
                "notifications",
                "user_preferences",
                "ab_test_assignments",
                "ab_test_events",
                "faq_search_log",
                "access_link_requests");

        @Test
        void tablesTheErasureChangedAreVacuumed() {
            String email = customerWithTracesEverywhere();
            OffsetDateTime before =
                    jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();

            String report = erase(email);

            // Dead row versions counted in the table's pages (pgstattuple), not from the statistics
            // (n_dead_tup): the erasing connection reports its updates up to a second later, which
            // may be after the VACUUM that removed them.
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pgstattuple").update();
            for (String table : CHANGED) {
                OffsetDateTime vacuumed = jdbc.sql("SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = :t")
                        .param("t", table)
                        .query((rs, n) -> rs.getObject("last_vacuum", OffsetDateTime.class))
                        .single();
                assertThat(vacuumed).as(table + " vacuumed").isNotNull().isAfterOrEqualTo(before);
                assertThat(jdbc.sql("SELECT dead_tuple_count FROM pgstattuple(:t)")
                                .param("t", table)
                                .query(Long.class)
                                .single())
                        .as(table + " dead row versions")
                        .isZero();
            }
            assertThat(report).contains("\"storage_purged\":true");
        }
    }

    abstract static class Contract extends IntegrationTest {

        @Autowired
        SqlDialect dialect;

        /**
         * A unique address (so rows of other tests cannot hide or fake a finding) in a ticket, a
         * staff reply, preferences, an experiment, a failed staff login, a waiting access-link request
         * and the help-center search log (a search typed now, and one logged by an older version,
         * which kept addresses as typed).
         */
        String customerWithTracesEverywhere() {
            String email = "zoe." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            String ticket = post(
                    "/api/tickets",
                    "{\"title\":\"Printer\",\"description\":\"Write to me at " + email.toUpperCase(Locale.ROOT)
                            + "\",\"contact_email\":\"" + email + "\"}");
            post("/api/tickets/" + ticket + "/replies", "{\"body\":\"We will write to " + email + "\"}");
            post("/api/preferences", "{\"email\":\"" + email + "\",\"preferred_language\":\"de\"}");
            post(
                    "/api/ab-tests",
                    "{\"name\":\"E\",\"key\":\"storage\",\"control_variant\":\"a\",\"test_variant\":\"b\","
                            + "\"target_metric\":\"clicks\"}");
            admin().put()
                    .uri("/api/ab-tests/storage/status")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"status\":\"running\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();
            post("/api/ab-tests/storage/assign", "{\"user_identifier\":\"" + email + "\"}");
            post(
                    "/api/ab-tests/storage/events",
                    "{\"user_identifier\":\"" + email + "\",\"event_name\":\"clicks\",\"event_data\":{\"mail\":\""
                            + email + "\"}}");
            withBasicAuth(email, "not-a-staff-password")
                    .get()
                    .uri("/api/tickets")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            post("/api/access-links", "{\"email\":\"" + email + "\"}");
            anonymous()
                    .get()
                    .uri("/api/faqs?search={q}", "invoice for " + email)
                    .exchange()
                    .expectStatus()
                    .isOk();
            Erasures.logSearchAsEarlierVersions(
                    jdbc, dialect, "my address is " + email.toUpperCase(Locale.ROOT) + ", please help");
            return email;
        }

        String erase(String email) {
            return Erasures.erase(admin(), email);
        }

        /** POSTs as the admin (a public endpoint ignores the credentials) and returns the new id, if any. */
        String post(String uri, String body) {
            var matcher = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(postJson(admin(), uri, body));
            return matcher.find() ? matcher.group(1) : "";
        }
    }
}
