package io.supportlab.platform.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Inserts many rows with one {@code INSERT ... VALUES (...), (...) ... ON CONFLICT DO NOTHING
 * RETURNING id} statement and answers, row by row, whether it was stored. Both databases accept this form; it
 * costs one round trip and one statement instead of one per row, and unlike a JDBC batch it does
 * not depend on the driver reporting per-row update counts (PostgreSQL's {@code
 * reWriteBatchedInserts} reports none).
 */
public final class MultiRowInsert {

    /** Below SQLite's default limit of 32 766 parameters per statement; PostgreSQL allows 65 535. */
    private static final int MAX_PARAMETERS = 30_000;

    private final String prefix;
    private final String rowPlaceholders;
    private final String suffix;
    private final int[] sqlTypes;
    private final int maxRows;

    /**
     * @param insertInto {@code INSERT INTO table (id, ...)}; the first column must be the row's id
     * @param onConflict what follows the rows, without {@code RETURNING}, e.g. {@code ON CONFLICT
     *     (a, b) DO NOTHING}
     * @param sqlTypes the {@link java.sql.Types} of each column, {@link SqlTypeValue#TYPE_UNKNOWN}
     *     where the value's Java type decides; a nullable column needs its type, so that a null is
     *     bound without asking the database for parameter metadata
     */
    public MultiRowInsert(String insertInto, String onConflict, int... sqlTypes) {
        this.prefix = insertInto + " VALUES ";
        this.rowPlaceholders = "(" + "?, ".repeat(sqlTypes.length - 1) + "?)";
        this.suffix = " " + onConflict + " RETURNING " + firstColumn(insertInto);
        this.sqlTypes = sqlTypes.clone();
        this.maxRows = MAX_PARAMETERS / sqlTypes.length;
    }

    /**
     * Inserts {@code rows} (each one value per column, the id first, ids distinct); element i is true
     * when row i was stored, false when it conflicted with a stored row.
     */
    public boolean[] insert(JdbcTemplate jdbc, List<Object[]> rows) {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < rows.size(); from += maxRows) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + maxRows));
            String sql = prefix + String.join(", ", Collections.nCopies(chunk.size(), rowPlaceholders)) + suffix;
            jdbc.query(sql, (PreparedStatement statement) -> bind(statement, chunk), (ResultSet rs) -> {
                stored.add(rs.getString(1));
            });
        }
        boolean[] result = new boolean[rows.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = stored.contains(String.valueOf(rows.get(i)[0]));
        }
        return result;
    }

    private void bind(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        int index = 1;
        for (Object[] row : rows) {
            if (row.length != sqlTypes.length) {
                throw new IllegalArgumentException("Expected " + sqlTypes.length + " values, got " + row.length);
            }
            for (int column = 0; column < row.length; column++) {
                StatementCreatorUtils.setParameterValue(statement, index++, sqlTypes[column], row[column]);
            }
        }
    }

    private static String firstColumn(String insertInto) {
        int open = insertInto.indexOf('(');
        int end = insertInto.indexOf(',', open);
        if (open < 0 || end < 0) {
            throw new IllegalArgumentException("Expected INSERT INTO table (id, ...): " + insertInto);
        }
        return insertInto.substring(open + 1, end).strip();
    }
}
