package io.supportlab.accounts;

import static io.supportlab.accounts.StaffFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.SupportLabApplication;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.PageSession;
import io.supportlab.testing.UsePostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * {@code --supportlab.reset-admin-password=<email>}, run as an operator would: a second process on
 * the same database and data directory while the application keeps running. On SQLite and on
 * PostgreSQL.
 */
class AdminPasswordResetTests {

    static final Pattern PRINTED = Pattern.compile("New password for bea@example\\.com: (\\S+)");

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    abstract static class Contract extends IntegrationTest {

        @Autowired
        UserService users;

        @Autowired
        PasswordPolicy policy;

        @Autowired
        Environment environment;

        @Autowired
        AdminPasswordReset command;

        record Run(int exitCode, String output) {}

        /** The command, in a JVM of its own, against this test's running database and data directory. */
        Run reset(String email) throws IOException, InterruptedException {
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = Files.createTempFile("reset-admin-password", ".log");
            Process process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx384m",
                            "-XX:TieredStopAtLevel=1",
                            "--enable-native-access=ALL-UNNAMED",
                            "-cp",
                            System.getProperty("java.class.path"),
                            SupportLabApplication.class.getName(),
                            "--" + AdminPasswordReset.OPTION + "=" + email,
                            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                            "--supportlab.data-dir=" + environment.getProperty("supportlab.data-dir"),
                            "--logging.level.root=WARN"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean exited = process.waitFor(3, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            assertThat(exited)
                    .as("the reset exits by itself; output:%n%s", output)
                    .isTrue();
            return new Run(process.exitValue(), output);
        }

        int status(String email, String password) {
            return withBasicAuth(email, password)
                    .get()
                    .uri("/api/tickets")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
        }

        long resets() {
            return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_reset' "
                            + "AND actor = 'command-line' AND target = 'bea@example.com'")
                    .query(Long.class)
                    .single();
        }

        @Test
        void givesTheAdminANewStrongPasswordPrintedOnceAndEndsTheirSessions() throws Exception {
            users.create(new NewStaffUser("bea@example.com", "Bea", PASSWORD, Role.ADMIN), ADMIN_EMAIL);
            PageSession session = PageSession.staff(baseUrl(), "bea@example.com", PASSWORD);
            long resetsBefore = resets();

            Run run = reset("Bea@Example.com");

            assertThat(run.exitCode()).as(run.output()).isZero();
            Matcher printed = PRINTED.matcher(run.output());
            assertThat(printed.find()).as(run.output()).isTrue();
            String password = printed.group(1);
            assertThat(policy.weakness(password, "bea@example.com", "Bea")).isEmpty();
            assertThat(run.output()).doesNotContain("Tomcat started");
            assertThat(status("bea@example.com", password)).isEqualTo(200);
            assertThat(status("bea@example.com", PASSWORD)).isEqualTo(401);
            var next = session.get("/tickets");
            assertThat(next.uri().getPath() + "?" + next.uri().getQuery()).isEqualTo("/login?ended");
            assertThat(resets()).isEqualTo(resetsBefore + 1);
        }

        @Test
        void anUnknownAccountChangesNothingAndFails() {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();

            int exitCode = command.reset(
                    List.of("nobody@example.com"), new PrintStream(out, true), new PrintStream(err, true));

            assertThat(exitCode).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("The password was not reset. There is no staff account nobody@example.com.");
            assertThat(status(ADMIN_EMAIL, ADMIN_PASSWORD)).isEqualTo(200);
        }

        @Test
        void anAgentIsNotResetHere() {
            users.create(new NewStaffUser("ann@example.com", "Ann", PASSWORD, Role.AGENT), ADMIN_EMAIL);
            var err = new ByteArrayOutputStream();

            int exitCode = command.reset(
                    List.of("ann@example.com"),
                    new PrintStream(new ByteArrayOutputStream(), true),
                    new PrintStream(err, true));

            assertThat(exitCode).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("ann@example.com is not an active admin");
            assertThat(status("ann@example.com", PASSWORD)).isEqualTo(200);
        }
    }
}
