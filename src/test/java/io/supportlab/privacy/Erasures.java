package io.supportlab.privacy;

import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.testing.IntegrationTest;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What the privacy tests do alike: erase through the API, and leave what older versions left. */
final class Erasures {

    private Erasures() {}

    /** Erases {@code email} as {@code admin}; returns the report (JSON). */
    static String erase(RestTestClient admin, String email) {
        return IntegrationTest.postJson(admin, "/api/privacy/erase", "{\"email\":\"" + email + "\"}");
    }

    /** A help-center query as versions before address scrubbing logged it: as typed, in lower case. */
    static void logSearchAsEarlierVersions(JdbcClient jdbc, SqlDialect dialect, String query) {
        jdbc.sql("""
                        INSERT INTO faq_search_log (id, query, result_count, user_type, source, created_at)
                        VALUES (:id, :query, 0, 'anonymous', 'suggestion', :at)
                        """)
                .param("id", UUID.randomUUID().toString())
                .param("query", query.toLowerCase(Locale.ROOT))
                .param("at", dialect.timestamp(Instant.now()))
                .update();
    }
}
