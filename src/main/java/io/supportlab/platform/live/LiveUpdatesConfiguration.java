package io.supportlab.platform.live;

import io.supportlab.platform.ClusterJobs;
import io.supportlab.platform.persistence.SqlDialect;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class LiveUpdatesConfiguration {

    @Bean
    LiveUpdates liveUpdates(SqlDialect dialect, DataSource dataSource, JsonMapper json, Clock clock, ClusterJobs jobs) {
        return dialect == SqlDialect.POSTGRESQL
                ? new PostgresLiveUpdates(dataSource, json, jobs)
                : new LocalLiveUpdates(clock);
    }
}
