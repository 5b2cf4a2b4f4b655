package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SqlDialectTests {

    @Test
    void sqliteStoresFixedWidthUtcTextThatSortsLikeTime() {
        Object early = SqlDialect.SQLITE.timestamp(Instant.parse("2025-01-02T03:04:05Z"));
        Object late = SqlDialect.SQLITE.timestamp(Instant.parse("2025-01-02T03:04:05.000001Z"));
        assertThat(early).isEqualTo("2025-01-02T03:04:05.000000Z");
        assertThat(late).isEqualTo("2025-01-02T03:04:05.000001Z");
        assertThat(((String) early).compareTo((String) late)).isNegative();
    }

    @Test
    void sqliteDropsNanosecondsBelowTheMicrosecond() {
        assertThat(SqlDialect.SQLITE.timestamp(Instant.parse("2025-01-02T03:04:05.123456789Z")))
                .isEqualTo("2025-01-02T03:04:05.123456Z");
    }

    @Test
    void postgresGetsUtcOffsetDateTime() {
        assertThat(SqlDialect.POSTGRESQL.timestamp(Instant.parse("2025-01-02T03:04:05.123456789Z")))
                .isEqualTo(OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 123456000, ZoneOffset.UTC));
    }

    @Test
    void recognisesOnlyTheTwoSupportedDatabases() {
        assertThat(SqlDialect.fromJdbcUrl("jdbc:sqlite:./data/x.db")).isEqualTo(SqlDialect.SQLITE);
        assertThat(SqlDialect.fromJdbcUrl("jdbc:postgresql://h/db")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThatThrownBy(() -> SqlDialect.fromJdbcUrl("jdbc:mysql://h/db"))
                .hasMessageContaining("SQLite")
                .hasMessageContaining("PostgreSQL");
    }
}
