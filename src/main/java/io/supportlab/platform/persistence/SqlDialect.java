package io.supportlab.platform.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The few places where SQLite and PostgreSQL differ for our repositories. Everything else is
 * plain SQL that both accept (including {@code INSERT ... ON CONFLICT} and {@code RETURNING}).
 */
public enum SqlDialect {
    /**
     * SQLite has no timestamp type: instants are stored as fixed-width ISO-8601 text in UTC with
     * microseconds, so that text order is time order and the file stays readable in any tool.
     */
    SQLITE {
        @Override
        public Object timestamp(Instant instant) {
            return TEXT_TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
        }
    },

    POSTGRESQL {
        @Override
        public Object timestamp(Instant instant) {
            return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        }
    };

    /** How a PostgreSQL JDBC URL starts (also read by {@link OnPostgreSqlCondition}). */
    static final String POSTGRESQL_URL_PREFIX = "jdbc:postgresql:";

    private static final DateTimeFormatter TEXT_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * Suffix of a SELECT that reads a row it is about to change. PostgreSQL locks it; SQLite needs
     * nothing, its write transactions being serialised from their start ({@code BEGIN IMMEDIATE}).
     */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /**
     * Suffix of the SELECT with which one of several instances claims work rows (an outbox), so
     * two never claim the same row. SQLite has one writer at a time and needs none.
     */
    public String skipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    /** An SQL expression for the UTC calendar day ({@code 2025-01-31}) of a timestamp column. */
    public String utcDate(String column) {
        return this == POSTGRESQL
                ? "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
                : "substr(" + column + ", 1, 10)";
    }

    /** The JDBC parameter value that stores {@code instant} in a timestamp column. */
    public abstract Object timestamp(Instant instant);

    /** The parameter value for a nullable timestamp column. */
    public @Nullable Object nullableTimestamp(@Nullable Instant instant) {
        return instant == null ? null : timestamp(instant);
    }

    /** Reads a timestamp column written by {@link #timestamp(Instant)} on either database. */
    public static @Nullable Instant readInstant(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return switch (value) {
            case null -> null;
            case String text -> parse(text);
            case OffsetDateTime odt -> odt.toInstant();
            case Timestamp ts -> ts.toInstant();
            default -> throw new SQLException("Column " + column + " is not a timestamp: " + value.getClass());
        };
    }

    /** Reads a timestamp column that the schema declares {@code NOT NULL}. */
    public static Instant requireInstant(ResultSet rs, String column) throws SQLException {
        Instant instant = readInstant(rs, column);
        if (instant == null) {
            throw new SQLException("Column " + column + " is null");
        }
        return instant;
    }

    static Instant parse(String text) {
        if (text.length() == 27 && text.charAt(10) == 'T' && text.charAt(19) == '.' && text.charAt(26) == 'Z') {
            // What timestamp() writes. A list page reads hundreds of these, and the general ISO parser
            // was a tenth of the CPU of a ticket list on SQLite.
            try {
                return LocalDateTime.of(
                                digits(text, 0, 4),
                                digits(text, 5, 7),
                                digits(text, 8, 10),
                                digits(text, 11, 13),
                                digits(text, 14, 16),
                                digits(text, 17, 19),
                                digits(text, 20, 26) * 1_000)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException | NumberFormatException e) {
                // Not quite our format after all; the general parser decides (and explains).
            }
        }
        // Older rows written by SQLite's CURRENT_TIMESTAMP default look like "2025-01-02 03:04:05".
        String iso = text.indexOf('T') < 0 ? text.replace(' ', 'T') + (text.endsWith("Z") ? "" : "Z") : text;
        return Instant.parse(iso);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException(text);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    static SqlDialect fromJdbcUrl(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith(POSTGRESQL_URL_PREFIX)) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Unsupported database URL " + url
                + ": SupportLab runs on SQLite (jdbc:sqlite:) or PostgreSQL (jdbc:postgresql:)");
    }
}
