package io.supportlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh data directory (SQLite file, indexes) per test JVM, deleted when the JVM exits. */
public final class TestSqlite {

    private static Path dataDir;

    private TestSqlite() {}

    public static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("supportlab-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = dataDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir), "delete-test-data"));
        }
        return dataDir;
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
