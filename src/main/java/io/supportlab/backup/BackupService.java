package io.supportlab.backup;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.persistence.OwnerOnlyFiles;
import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.platform.problems.UnprocessableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Copies the SQLite database with {@code VACUUM INTO}: one read transaction, so the copy is the
 * database at one instant even while requests keep writing (WAL lets them), and the copy is
 * compact and self-contained (no -wal file to carry along). Copies are readable by the owner only.
 */
@Service
public class BackupService {

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final SupportLabProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    BackupService(JdbcClient jdbc, SqlDialect dialect, SupportLabProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes {@code <data-dir>/backups/supportlab-<UTC time>.db} and records who asked for it. */
    public Backup backUp(String actor) {
        if (dialect != SqlDialect.SQLITE) {
            throw new UnprocessableException(
                    "This installation runs on PostgreSQL: back it up with pg_dump (see docs/operations.md)");
        }
        Instant now = Instant.now(clock);
        Path dir = properties.dataDir().resolve("backups").toAbsolutePath().normalize();
        Path file = dir.resolve("supportlab-" + NAME.format(now) + ".db");
        try {
            // Owner-only like the database: a backup holds the same customers' data and keys. SQLite
            // writes into an existing empty file, keeping its permissions.
            OwnerOnlyFiles.directory(dir);
            OwnerOnlyFiles.newFile(file);
            // VACUUM cannot run in a transaction: this runs on its own auto-commit connection.
            try {
                jdbc.sql("VACUUM INTO :file").param("file", file.toString()).update();
            } catch (RuntimeException e) {
                Files.deleteIfExists(file); // no empty file that looks like a backup
                throw e;
            }
            Backup backup = new Backup(file.toString(), Files.size(file), now);
            audit.record(actor, "backup.created", file.getFileName().toString(), backup.bytes() + " bytes");
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup to " + dir, e);
        }
    }
}
