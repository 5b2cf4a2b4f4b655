package io.supportlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration;

/** SupportLab: a self-hosted help desk with built-in experimentation. */
// Sessions are shared through PostgreSQL only, configured by accounts.SharedSessions (SQLite keeps them in memory).
@SpringBootApplication(exclude = JdbcSessionAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SupportLabApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportLabApplication.class, args);
    }
}
