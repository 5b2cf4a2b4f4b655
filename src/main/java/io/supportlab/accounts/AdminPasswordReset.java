package io.supportlab.accounts;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.EmailAddress;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --supportlab.reset-admin-password=<email>} on the command line: gives that admin a new
 * generated password, prints it once, ends the admin's sessions, audits the reset and exits without
 * serving. It is a command-line option on purpose, not a setting: an environment variable left
 * behind would reset the password on every start and never let the application serve.
 *
 * <p>The run neither listens on a port nor runs background jobs, and it creates only the beans the
 * reset needs ({@link Mode}), so it works next to a running instance on the same database and data
 * directory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminPasswordReset implements ApplicationRunner {

    static final String OPTION = "supportlab.reset-admin-password";

    private final UserRepository users;
    private final UserService accounts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ConfigurableApplicationContext context;

    AdminPasswordReset(
            UserRepository users,
            UserService accounts,
            AuditLog audit,
            TransactionTemplate transactions,
            ConfigurableApplicationContext context) {
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int status = reset(Objects.requireNonNullElse(args.getOptionValues(OPTION), List.of()), System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /**
     * Resets the password of the admin named by the one value of the option; answers the exit status.
     * The password goes to {@code out} (the operator's terminal, not the log, which may be shipped
     * elsewhere), anything that went wrong to {@code err}.
     */
    int reset(List<String> values, PrintStream out, PrintStream err) {
        if (values.size() != 1 || values.getFirst().isBlank()) {
            err.println("Give the admin's email address: --" + OPTION + "=admin@example.com");
            return 2;
        }
        EmailAddress email = EmailAddress.of(values.getFirst());
        String password = FirstAdmin.generatePassword();
        Optional<String> problem = Objects.requireNonNull(transactions.execute(tx -> {
            var user = users.findByEmail(email);
            if (user.isEmpty()) {
                return Optional.of("There is no staff account " + email + ".");
            }
            if (user.get().role() != Role.ADMIN || !user.get().active()) {
                return Optional.of(email + " is not an active admin. Admins set agents' passwords on the Users page.");
            }
            accounts.replacePassword(user.get(), password, "password");
            audit.record(
                    "command-line",
                    "user.password_reset",
                    email.value(),
                    "Reset with --" + OPTION + "; sessions ended");
            return Optional.<String>empty();
        }));
        if (problem.isPresent()) {
            err.println("The password was not reset. " + problem.get());
            return 1;
        }
        out.println();
        out.println("New password for " + email + ": " + password);
        out.println("It is shown only this once. Every session of " + email + " has ended.");
        out.println();
        return 0;
    }

    /**
     * Makes a reset run quiet and small: no HTTP port (so it cannot clash with a running instance),
     * no background jobs, and only the beans the reset needs (so it leaves the search index in the
     * data directory alone).
     */
    static final class Mode implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            PropertySource<?> arguments =
                    environment.getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
            if (arguments == null || !arguments.containsProperty(OPTION)) {
                return;
            }
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "supportlab-admin-password-reset",
                            Map.of(
                                    "server.port", "-1",
                                    "spring.main.lazy-initialization", "true",
                                    "spring.main.banner-mode", "off",
                                    "supportlab.scheduling.enabled", "false")));
        }
    }
}
