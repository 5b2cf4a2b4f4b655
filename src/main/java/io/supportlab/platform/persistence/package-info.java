/**
 * Persistence helpers shared by every repository: the SQLite/PostgreSQL dialect, time-ordered ids, multi-row inserts, group commit for hot writes, short-lived caches of derived data, keys and keyed hashes kept in the database, and owner-only data files.
 */
@NamedInterface("persistence")
@NullMarked
package io.supportlab.platform.persistence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
