package io.supportlab.platform.persistence;

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
    void sqliteTextReadsBackAsTheInstantWritten() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 1000; i++) {
            Instant written =
                    Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000) * 1_000L);
            assertThat(SqlDialect.parse((String) SqlDialect.SQLITE.timestamp(written)))
                    .isEqualTo(written);
        }
    }

    @Test
    void sqliteReadsTheOtherTimestampShapesOfOlderRows() {
        assertThat(SqlDialect.parse("2025-01-02 03:04:05")).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(SqlDialect.parse("2025-01-02T03:04:05Z")).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(SqlDialect.parse("2025-01-02T03:04:05.5Z")).isEqualTo(Instant.parse("2025-01-02T03:04:05.500Z"));
        assertThatThrownBy(() -> SqlDialect.parse("2025-13-02T03:04:05.000000Z"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
        assertThatThrownBy(() -> SqlDialect.parse("2025-01-0xT03:04:05.000000Z"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
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
