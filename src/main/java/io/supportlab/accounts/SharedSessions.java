package io.supportlab.accounts;

import io.supportlab.platform.persistence.ConditionalOnPostgreSql;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;

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
@Import(JdbcHttpSessionConfiguration.class)
class SharedSessions {

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

    /** Bytes to an attribute, or null (absent) when they no longer deserialize. */
    private static final class TolerantDeserializer implements GenericConverter {

        private static final Logger log = LoggerFactory.getLogger(TolerantDeserializer.class);

        private final DeserializingConverter read;

        TolerantDeserializer(ClassLoader classLoader) {
            read = new DeserializingConverter(classLoader);
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
            try {
                return read.convert((byte[]) bytes);
            } catch (SerializationFailedException e) {
                log.warn("A session attribute no longer deserializes and is ignored: {}", e.getMessage());
                return null;
            }
        }
    }
}
