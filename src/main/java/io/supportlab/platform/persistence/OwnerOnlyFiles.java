package io.supportlab.platform.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directories and files that only the account running SupportLab may read: the data directory,
 * the database and its backups hold customers' data and the keys that sign access links. On POSIX
 * file systems directories are made {@code rwx------} and files {@code rw-------}, whatever the
 * umask, and ones left more open by an earlier version are narrowed at start-up. Elsewhere (Windows)
 * the file system's inherited access lists apply; see docs/operations.md.
 */
public final class OwnerOnlyFiles {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {}

    /** Creates {@code dir} and its missing parents owner-only, or narrows it if it exists. */
    public static Path directory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(absolute)) {
                if (posix(existingAncestor(absolute))) {
                    Files.createDirectories(absolute, attribute(DIRECTORY));
                } else {
                    Files.createDirectories(absolute);
                }
            }
            restrict(absolute, DIRECTORY);
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory " + absolute, e);
        }
    }

    /**
     * Creates {@code file} empty and owner-only, or narrows it if it exists. SQLite gives the
     * {@code -wal} and {@code -shm} files it creates the permissions of the database file, so a
     * database created this way keeps all three owner-only.
     */
    public static Path file(Path file) {
        try {
            create(file);
        } catch (FileAlreadyExistsException e) {
            // kept, and narrowed below
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file " + file, e);
        }
        restrict(file, FILE); // also where an unusual umask took more than the mode asked for
        return file;
    }

    /** Creates {@code file} empty and owner-only; it must not exist yet. */
    public static Path newFile(Path file) throws IOException {
        create(file);
        restrict(file, FILE);
        return file;
    }

    private static void create(Path file) throws IOException {
        if (posix(Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a folder"))) {
            Files.createFile(file, attribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    /** Narrows {@code file} to owner-only if it exists (e.g. the {@code -wal} of an older database). */
    public static void restrictIfPresent(Path file) {
        if (Files.exists(file)) {
            restrict(file, FILE);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> current = view.readAttributes().permissions();
            if (!current.equals(wanted)) {
                view.setPermissions(wanted);
                log.info("Restricted {} to its owner (was {})", path, PosixFilePermissions.toString(current));
            }
        } catch (IOException e) {
            // Not ours to change (e.g. a mount point owned by root): say so, do not refuse to start.
            log.warn("Could not restrict {} to its owner: {}", path, e.getMessage());
        }
    }

    private static boolean posix(Path existing) {
        try {
            return Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path existingAncestor(Path path) {
        Path existing = path;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
