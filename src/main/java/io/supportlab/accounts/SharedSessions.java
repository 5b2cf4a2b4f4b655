package io.supportlab.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.supportlab.platform.persistence.ConditionalOnPostgreSql;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.SingleIndexResolver;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * On PostgreSQL, page sessions live in the database (Spring Session JDBC, tables {@code
 * spring_session*} from migration V17), so that any instance serves any request: a login on one
 * instance is valid on all, a logout or an ended session ends it on all. On SQLite (a single
 * instance) this configuration is absent and sessions stay in the servlet container's memory, as
 * before. Boot's own {@code JdbcSessionAutoConfiguration} is excluded ({@code
 * SupportLabApplication}): it would switch on whenever there is a DataSource, SQLite included, and
 * create its tables itself. Boot's session auto-configuration still registers the filter and the
 * cookie from the {@code server.servlet.session.*} settings, so cookie and timeout stay as they were.
 *
 * <p>Attributes are stored with Java serialization: every instance of a cluster runs the same build,
 * Spring Security's session types (security context, CSRF token, saved request) are {@code
 * Serializable} and have no JSON form without allow-listing each class. An attribute that no longer
 * deserializes (after an upgrade changed its class) reads as absent, so its owner logs in again
 * instead of getting an error page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPostgreSql
@Import(SharedSessions.SessionConfiguration.class)
class SharedSessions {

    /**
     * Spring Session JDBC's configuration, with its repository calls outside transactions: each is
     * one statement except a save of attributes or of a new session, which {@link
     * SharedSessionRepository} wraps in a transaction itself. (A {@code TransactionOperations} bean
     * would do the same but also stand in for Boot's {@code TransactionTemplate} everywhere.)
     */
    @ConditionalOnPostgreSql // a nested configuration class is also found on its own by component scanning
    @Configuration(proxyBeanMethods = false)
    static class SessionConfiguration extends JdbcHttpSessionConfiguration {
        SessionConfiguration() {
            setTransactionOperations(TransactionOperations.withoutTransaction());
        }
    }

    /** The repository Spring Session's filter uses; the plain JDBC one stays for everything else. */
    @Bean
    @Primary
    SharedSessionRepository sharedSessionRepository(
            JdbcIndexedSessionRepository sessions, PlatformTransactionManager transactionManager) {
        var transactions = new TransactionTemplate(transactionManager);
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SharedSessionRepository(sessions, transactions);
    }

    /** Right around Spring Session's filter: the span in which a saved session is read from memory. */
    @Bean
    FilterRegistrationBean<SharedSessionRepository.OneRequest> sharedSessionRequestSpan() {
        var registration = new FilterRegistrationBean<>(new SharedSessionRepository.OneRequest());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /**
     * Spring Session saves a session's last-access time after every request: a committed write (and
     * a WAL flush) per page view, which halved the staff page throughput. The row is written only
     * when something else changed (id, idle timeout, principal) or when the stored time is behind
     * by a tenth of the idle timeout, at most a minute; otherwise the UPDATE matches no row, writes
     * nothing and commits without a flush. An idle session may so end up to that much early (at
     * most a minute of 8 hours; a customer session close to its link's expiry, a tenth of what is
     * left). Parameters in Spring Session's order: id, last access, idle seconds, expiry,
     * principal, primary key.
     */
    static final String UPDATE_SESSION_WHEN_MOVED = """
            UPDATE %TABLE_NAME% AS s
            SET session_id = v.session_id, last_access_time = v.last_access_time,
                max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
                principal_name = v.principal_name
            FROM (VALUES (?::text, ?::bigint, ?::integer, ?::bigint, ?::text, ?::text))
                AS v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id)
            WHERE s.primary_id = v.primary_id
              AND (s.session_id <> v.session_id
                   OR s.max_inactive_interval <> v.max_inactive_interval
                   OR s.principal_name IS DISTINCT FROM v.principal_name
                   OR v.last_access_time - s.last_access_time >= LEAST(60000, v.max_inactive_interval * 100))
            """;

    /** How far behind a session's stored last-access time may be before it is written: {@link #UPDATE_SESSION_WHEN_MOVED}. */
    static Duration lastAccessWrittenEvery(Duration idle) {
        Duration tenth = idle.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }

    /** The same idle timeout as the container's sessions; PostgreSQL's upsert for attributes. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sharedSessionSettings(SessionTimeout timeout) {
        return repository -> {
            var idle = timeout.getTimeout();
            if (idle != null) {
                repository.setDefaultMaxInactiveInterval(idle);
            }
            new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            repository.setUpdateSessionQuery(UPDATE_SESSION_WHEN_MOVED);
        };
    }

    @Bean
    static SessionAttributeSerialization springSessionConversionService() {
        return new SessionAttributeSerialization();
    }

    /** Java serialization of session attributes, tolerant of classes that changed since they were written. */
    static final class SessionAttributeSerialization extends GenericConversionService implements BeanClassLoaderAware {

        SessionAttributeSerialization() {
            addConverter(Object.class, byte[].class, new SerializingConverter());
        }

        @Override
        public void setBeanClassLoader(ClassLoader classLoader) {
            addConverter(new TolerantDeserializer(classLoader));
        }
    }

    /**
     * The principal name (the email) that logout everywhere and the session table's index use, read
     * directly: Spring Session's resolver evaluates a SpEL expression, on every request, since every
     * request saves its session's last-access time.
     */
    @Bean
    IndexResolver<Session> principalNameIndexResolver() {
        return new SingleIndexResolver<>(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME) {
            @Override
            public @Nullable String resolveIndexValueFor(Session session) {
                String principalName = session.getAttribute(getIndexName());
                if (principalName != null) {
                    return principalName;
                }
                SecurityContext context =
                        session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                Authentication authentication = context == null ? null : context.getAuthentication();
                return authentication == null ? null : authentication.getName();
            }
        };
    }

    /**
     * Bytes to an attribute, or null (absent) when they no longer deserialize. Classes are resolved
     * once per name: the packaged application's class loader answers slowly for JDK classes (it
     * looks for their package in its jars each time), and every request deserializes a dozen class
     * descriptors with its security context and CSRF token.
     *
     * <p>Deserializing the security context was the largest single cost a shared session adds to a
     * page request, for bytes that rarely change. So the security context and the CSRF token are
     * kept deserialized, per instance, keyed by their exact bytes: a session changed anywhere has
     * other bytes and is deserialized afresh, so nothing stale is ever served, and whether the
     * account may still use the session is checked against its row on every request anyway
     * ({@link StaffSessionCheck}). Only values safe to share between requests are kept: a CSRF
     * token is immutable, and a security context is handed out as a new holder of the (shared,
     * unchanged after login) authentication, since logging out empties the holder it gets.
     */
    static final class TolerantDeserializer implements GenericConverter {

        private static final Logger log = LoggerFactory.getLogger(TolerantDeserializer.class);

        /** Serialized bytes kept, at most: a staff session's context is about 1.7 KB, so some 2 400 sessions. */
        private static final long KEPT_BYTES = 4L << 20;

        private final ClassLoader classLoader;
        private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
        private final Cache<SerializedForm, Object> shareable = Caffeine.newBuilder()
                .maximumWeight(KEPT_BYTES)
                .weigher((SerializedForm form, Object value) -> form.bytes().length)
                .build();

        TolerantDeserializer(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(byte[].class, Object.class));
        }

        @Override
        public @Nullable Object convert(@Nullable Object bytes, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (bytes == null) {
                return null;
            }
            var form = new SerializedForm((byte[]) bytes);
            Object kept = shareable.getIfPresent(form);
            if (kept == null) {
                kept = read(form.bytes());
                if (kept instanceof SecurityContext || kept instanceof DefaultCsrfToken) {
                    shareable.put(form, kept);
                }
            }
            if (kept instanceof SecurityContext context) {
                var holder = new SecurityContextImpl();
                holder.setAuthentication(context.getAuthentication());
                return holder;
            }
            return kept;
        }

        private @Nullable Object read(byte[] bytes) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass descriptor) throws ClassNotFoundException {
                    return resolve(descriptor.getName());
                }
            }) {
                return in.readObject();
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                log.warn("A session attribute no longer deserializes and is ignored: {}", e.toString());
                return null;
            }
        }

        private Class<?> resolve(String name) throws ClassNotFoundException {
            Class<?> known = classes.get(name);
            if (known == null) {
                known = ClassUtils.forName(name, classLoader);
                classes.put(name, known);
            }
            return known;
        }
    }

    /** An attribute's serialized bytes as a cache key: equal when the bytes are. */
    record SerializedForm(byte[] bytes) {

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof SerializedForm form && Arrays.equals(bytes, form.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "SerializedForm[" + bytes.length + " bytes]";
        }
    }
}
