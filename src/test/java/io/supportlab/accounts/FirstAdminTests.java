package io.supportlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportlab.SupportLabApplication;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.TestPostgres;
import io.supportlab.testing.TestSqlite;
import io.supportlab.testing.UsePostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The admin account of the first start, and SUPPORTLAB_ADMIN_PASSWORD after it. On SQLite and on PostgreSQL. */
class FirstAdminTests {

    @Nested
    class OnSqlite extends Contract {
        @Override
        String freshDatabase(String dataDir) {
            return "jdbc:sqlite:" + dataDir + "/supportlab.db";
        }
    }

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {
        @Override
        String freshDatabase(String dataDir) {
            return TestPostgres.database("first-admin-" + UUID.randomUUID()).jdbcUrl();
        }
    }

    @ExtendWith(OutputCaptureExtension.class)
    abstract static class Contract extends IntegrationTest {

        @Autowired
        UserRepository repository;

        @Autowired
        UserService users;

        @Autowired
        PasswordPolicy policy;

        abstract String freshDatabase(String dataDir);

        @Test
        void aWeakAdminPasswordStopsTheFirstStartSayingWhy() throws SQLException {
            String dataDir = TestSqlite.dataDir()
                    .resolve("first-admin-" + UUID.randomUUID())
                    .toString();
            String url = freshDatabase(dataDir);
            String[] args = {
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--supportlab.data-dir=" + dataDir,
                "--supportlab.scheduling.enabled=false",
                "--supportlab.admin.email=first@example.com",
                "--supportlab.admin.password=aaaaaaaaaaaa"
            };
            assertThatThrownBy(() -> new SpringApplicationBuilder(SupportLabApplication.class)
                            .run(args)
                            .close())
                    .hasStackTraceContaining("SUPPORTLAB_ADMIN_PASSWORD is too easy to guess.")
                    .hasStackTraceContaining("or leave it unset to have one generated");
            try (Connection db = DriverManager.getConnection(url);
                    ResultSet count = db.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                count.next();
                assertThat(count.getLong(1)).isZero();
            }
        }

        @Test
        void aPasswordConfiguredAfterTheFirstStartIsIgnoredWithAWarning(CapturedOutput output) {
            new FirstAdmin(repository, users, policy, new AccountsProperties(ADMIN_EMAIL, "amber-lantern-orchard-73"))
                    .run(new DefaultApplicationArguments());

            assertThat(output.getOut())
                    .contains("SUPPORTLAB_ADMIN_PASSWORD (supportlab.admin.password) is set")
                    .contains("--supportlab.reset-admin-password=<email>");
            admin().get().uri("/api/users").exchange().expectStatus().isOk();
        }
    }
}
