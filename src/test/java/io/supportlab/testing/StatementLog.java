package io.supportlab.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQL statements the application sends while a piece of test code runs on the test's thread
 * (background jobs on other threads are not counted), so that a test can pin how many round trips
 * an operation takes. {@code @Import(StatementLog.Configuration.class)} wraps the context's
 * DataSource; that makes a context of its own.
 */
public final class StatementLog {

    /** The SQL verb and the table it names first: {@code "select tickets"}, {@code "insert ticket_changes"}. */
    private static final Pattern VERB_AND_TABLE = Pattern.compile(
            "^\\s*(?:(update)\\s+(\\w+)|(select|insert|delete)\\b.*?\\b(?:from|into)\\s+(\\w+))",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Set<String> STATEMENT_METHODS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    /** Runs {@code work} and answers its result with the SQL of every statement it sent, in order. */
    public <T> Recorded<T> during(Supplier<T> work) {
        List<String> statements = new ArrayList<>();
        recording.set(statements);
        try {
            return new Recorded<>(work.get(), List.copyOf(statements));
        } finally {
            recording.remove();
        }
    }

    /** Anything in parentheses with no parentheses inside: removed until none is left, it takes subqueries out. */
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");

    /**
     * Each statement as its verb and first table outside subqueries, e.g. {@code "update tickets"}
     * (also for {@code SELECT (SELECT ... FROM a) FROM tickets}), keeping those whose table starts
     * with {@code tablePrefix}.
     */
    public static List<String> summary(List<String> statements, String tablePrefix) {
        List<String> summary = new ArrayList<>();
        for (String sql : statements) {
            Matcher matcher = VERB_AND_TABLE.matcher(withoutParentheses(sql));
            if (!matcher.find()) {
                continue;
            }
            boolean update = matcher.group(1) != null;
            String verb = matcher.group(update ? 1 : 3).toLowerCase(Locale.ROOT);
            String table = matcher.group(update ? 2 : 4).toLowerCase(Locale.ROOT);
            if (table.startsWith(tablePrefix)) {
                summary.add(verb + " " + table);
            }
        }
        return summary;
    }

    private static String withoutParentheses(String sql) {
        String before;
        String after = sql;
        do {
            before = after;
            after = PARENTHESES.matcher(before).replaceAll(" ");
        } while (!after.equals(before));
        return after;
    }

    public record Recorded<T>(T result, List<String> statements) {}

    private void record(String sql) {
        List<String> statements = recording.get();
        if (statements != null) {
            statements.add(sql);
        }
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                record(sql);
            }
            Object result = invoke(method, target, args);
            return result instanceof Statement statement && method.getName().equals("createStatement")
                    ? statement(statement)
                    : result;
        });
    }

    private Statement statement(Statement target) {
        return proxy(Statement.class, target, (method, args) -> {
            if (STATEMENT_METHODS.contains(method.getName()) && args != null && args[0] instanceof String sql) {
                record(sql);
            }
            return invoke(method, target, args);
        });
    }

    private interface Call {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> call.handle(method, args);
        return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        static BeanPostProcessor statementLogDataSource(ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
                        return new DelegatingDataSource(dataSource) {
                            @Override
                            public Connection getConnection() throws SQLException {
                                return log.getObject().connection(super.getConnection());
                            }

                            @Override
                            public Connection getConnection(String username, String password) throws SQLException {
                                return log.getObject().connection(super.getConnection(username, password));
                            }
                        };
                    }
                    return bean;
                }
            };
        }
    }
}
