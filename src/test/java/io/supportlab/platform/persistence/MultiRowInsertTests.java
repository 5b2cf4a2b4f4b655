package io.supportlab.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class MultiRowInsertTests {

    static final MultiRowInsert INSERT =
            new MultiRowInsert("INSERT INTO item (id, k)", "ON CONFLICT (k) DO NOTHING", Types.VARCHAR, Types.VARCHAR);

    @TempDir
    Path dir;

    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(new SingleConnectionDataSource("jdbc:sqlite:" + dir.resolve("t.db"), true));
        jdbc.execute("CREATE TABLE item (id TEXT PRIMARY KEY, k TEXT NOT NULL UNIQUE)");
    }

    @Test
    void eachRowSaysWhetherItWasStoredOrConflicted() {
        INSERT.insert(jdbc, List.<Object[]>of(new Object[] {"a", "taken"}));

        boolean[] stored = INSERT.insert(
                jdbc, List.of(new Object[] {"b", "new"}, new Object[] {"c", "taken"}, new Object[] {"d", "other"}));

        assertThat(stored).containsExactly(true, false, true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Long.class)).isEqualTo(3);
    }

    @Test
    void moreRowsThanOneStatementTakesAreSplitAcrossStatements() {
        // 30 000 parameters at most per statement: 15 000 two-column rows.
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 15_003; i++) {
            rows.add(new Object[] {"id" + i, "k" + (i == 15_002 ? 0 : i)});
        }

        boolean[] stored = INSERT.insert(jdbc, rows);

        assertThat(stored).hasSize(15_003);
        assertThat(stored[15_001]).isTrue();
        assertThat(stored[15_002]).isFalse(); // repeats row 0's key, in the second statement
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM item", Long.class)).isEqualTo(15_002);
    }
}
