package io.supportlab.platform;

import io.supportlab.platform.persistence.SqlDialect;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class ClusterJobsConfiguration {

    static final String TABLE = "cluster_job_locks";

    @Bean
    ClusterJobs clusterJobs(SqlDialect dialect, DataSource dataSource) {
        return switch (dialect) {
            case SQLITE ->
                (job, work) -> {
                    work.run();
                    return true;
                };
            case POSTGRESQL -> new LockedJobs(dataSource, instanceName());
        };
    }

    /** Who holds a lock, as {@code cluster_job_locks.locked_by} shows it to an operator. */
    static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + " pid " + ManagementFactory.getRuntimeMXBean().getPid() + " "
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** ShedLock's JDBC provider on PostgreSQL, with the database's clock. */
    static final class LockedJobs implements ClusterJobs {

        private final LockingTaskExecutor executor;

        LockedJobs(DataSource dataSource, String instance) {
            this.executor = new DefaultLockingTaskExecutor(
                    new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                            .withJdbcTemplate(new JdbcTemplate(dataSource))
                            .withTableName(TABLE)
                            .withLockedByValue(instance)
                            .usingDbTime()
                            .build()));
        }

        @Override
        public boolean runOnce(Job job, Runnable work) {
            try {
                return executor.executeWithLock(
                                () -> {
                                    work.run();
                                    return Boolean.TRUE;
                                },
                                new LockConfiguration(
                                        ClockProvider.now(), job.name(), job.lockAtMostFor(), job.lockAtLeastFor()))
                        .wasExecuted();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Job " + job.name() + " failed", e);
            }
        }
    }
}
