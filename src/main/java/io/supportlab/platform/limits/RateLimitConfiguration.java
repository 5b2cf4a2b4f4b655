package io.supportlab.platform.limits;

import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.persistence.Pseudonyms;
import io.supportlab.platform.persistence.SqlDialect;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rate-limit buckets in memory on SQLite (one instance), in the shared database on PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(
            SupportLabProperties properties,
            List<RateLimit> declared,
            Environment environment,
            SqlDialect dialect,
            JdbcClient jdbc,
            Pseudonyms pseudonyms,
            Clock clock) {
        Buckets buckets = dialect == SqlDialect.POSTGRESQL
                ? new PrefetchingBuckets(new PostgresBuckets(jdbc, pseudonyms, clock), clock)
                : new LocalBuckets(clock);
        return new RateLimiter(properties, declared, Binder.get(environment), buckets);
    }
}
