package io.supportlab.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Spring test class against a fresh PostgreSQL database instead of SQLite. Put it on the
 * {@code @Nested} variant of a test that must hold on both databases:
 *
 * <pre>{@code
 * class TicketRepositoryTests {
 *     @Nested class OnSqlite extends Contract {}
 *     @Nested @UsePostgres class OnPostgres extends Contract {}
 *     abstract static class Contract extends IntegrationTest { @Test void ... }
 * }
 * }</pre>
 *
 * Without {@code SUPPORTLAB_TEST_PG_URL} the class is skipped with a message saying so, unless
 * {@code CI=true}, where the missing database is an error.
 */
@Tag("slow")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresCondition.class)
public @interface UsePostgres {}
