package io.supportlab.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server of the PostgreSQL test variants, from {@code SUPPORTLAB_TEST_PG_URL}. Each
 * test JVM creates its own fresh database there and drops it when it exits, so runs never see each
 * other's data.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "SUPPORTLAB_TEST_PG_URL";

    /** Connection settings of the database created for this JVM. */
    public record Database(String jdbcUrl, String name) {}

    private static final java.util.Map<String, Database> databases = new java.util.concurrent.ConcurrentHashMap<>();

    private TestPostgres() {}

    public static boolean configured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** With {@code CI=true} the PostgreSQL and browser suites must run; skipping them is a failure. */
    public static boolean requiredByCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * A fresh database for the Spring context called {@code context}: each context gets its own, so
     * the background jobs of one cached context never touch the rows another context's test made.
     */
    public static synchronized Database database(String context) {
        return databases.computeIfAbsent(context, c -> create(System.getenv(URL_VARIABLE)));
    }

    private static Database create(String serverUrl) {
        String name = "supportlab_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, name), "drop-" + name));
        return new Database(withDatabase(serverUrl, name), name);
    }

    private static void drop(String serverUrl, String name) {
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** {@code jdbc:postgresql://host:port/test?user=postgres} with the database part replaced. */
    static String withDatabase(String serverUrl, String name) {
        int hostStart = serverUrl.indexOf("//") + 2;
        int pathStart = serverUrl.indexOf('/', hostStart);
        int queryStart = serverUrl.indexOf('?', hostStart);
        String hostPart = serverUrl.substring(
                0, pathStart >= 0 ? pathStart : (queryStart >= 0 ? queryStart : serverUrl.length()));
        String query = queryStart >= 0 ? serverUrl.substring(queryStart) : "";
        return hostPart + "/" + name + query;
    }
}
