package io.supportlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** SupportLab: a self-hosted help desk with built-in experimentation. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SupportLabApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupportLabApplication.class, args);
    }
}
