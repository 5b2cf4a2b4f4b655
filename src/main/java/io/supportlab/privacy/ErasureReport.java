package io.supportlab.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * What an erasure did.
 *
 * @param subject the pseudonym under which the audit log records the erasure ({@code hmac:...}, the
 *     keyed hash of the address), so it can later be shown that an address was erased without
 *     storing it
 * @param counts rows deleted or anonymised, by kind
 * @param storagePurged whether the old values have also left the database files: on SQLite the
 *     write-ahead log was checkpointed and emptied, on PostgreSQL the changed tables were vacuumed.
 *     False when that could not be done at once (the log is then retried every minute; PostgreSQL's
 *     autovacuum follows by itself)
 */
public record ErasureReport(String subject, Instant erasedAt, Map<String, Integer> counts, boolean storagePurged) {}
