package io.supportlab.backup;

import java.time.Instant;

/**
 * A backup file just written.
 *
 * @param file absolute path of the copy, in {@code <data-dir>/backups}
 * @param bytes its size
 */
public record Backup(String file, long bytes, Instant createdAt) {}
