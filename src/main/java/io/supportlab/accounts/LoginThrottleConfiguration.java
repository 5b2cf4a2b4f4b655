package io.supportlab.accounts;

import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.persistence.Pseudonyms;
import io.supportlab.platform.persistence.SqlDialect;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed-login counts in memory on SQLite (one instance), in the shared database on PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    @Bean
    LoginThrottle loginThrottle(
            SupportLabProperties properties, Clock clock, SqlDialect dialect, JdbcClient jdbc, Pseudonyms pseudonyms) {
        FailureCounts counts = dialect == SqlDialect.POSTGRESQL
                ? new PostgresFailureCounts(jdbc, dialect, pseudonyms)
                : new LocalFailureCounts(properties.rateLimits().login().lockout(), clock);
        return new LoginThrottle(properties, clock, counts);
    }
}
