package io.supportlab.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.UsePostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data directory and the database files hold customers' data and the link-signing key: only
 * the account running SupportLab may read them, whatever the umask (this machine's is 022, which
 * makes files 0644 and directories 0755 by default).
 */
class DataFilePermissionsTests {

    @Nested
    class OnSqlite extends Contract {

        @Test
        void databaseAndItsLogFilesAreOwnerOnly() {
            jdbc.sql("SELECT COUNT(*) FROM faqs").query(Long.class).single(); // the -wal and -shm exist while open
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("supportlab.db"))).isEqualTo("rw-------");
            assertThat(permissions(dataDir.resolve("supportlab.db-wal"))).isEqualTo("rw-------");
            assertThat(permissions(dataDir.resolve("supportlab.db-shm"))).isEqualTo("rw-------");
        }
    }

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Value("${supportlab.data-dir}")
        Path dataDir;

        /** What is inside (search index, backups) is out of others' reach through it. */
        @Test
        void dataDirectoryIsOwnerOnly() {
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
        }
    }

    @Test
    void filesAnEarlierVersionLeftReadableAreNarrowedAtStartUp(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(
                dir.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        for (String name : new String[] {"supportlab.db", "supportlab.db-wal", "supportlab.db-shm"}) {
            Files.createFile(
                    data.resolve(name),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        }
        try (HikariDataSource hikari = new HikariDataSource()) {
            hikari.setJdbcUrl("jdbc:sqlite:" + data.resolve("supportlab.db"));
            DatabaseConfiguration.configureSqlite(hikari);

            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve("supportlab.db"))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve("supportlab.db-wal"))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve("supportlab.db-shm"))).isEqualTo("rw-------");
            assertThat(JdbcClient.create(hikari)
                            .sql("PRAGMA secure_delete")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
