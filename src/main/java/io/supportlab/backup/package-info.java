/**
 * Online backups: a consistent copy of the SQLite database, made while the application runs,
 * into the data directory. PostgreSQL installations use the standard tools (pg_dump); see
 * docs/operations.md.
 *
 * <p>Depends on {@code platform} and {@code audit}.
 */
@ApplicationModule(allowedDependencies = {"platform", "platform :: persistence", "platform :: problems", "audit"})
@NullMarked
package io.supportlab.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
