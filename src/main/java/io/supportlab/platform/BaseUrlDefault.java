package io.supportlab.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without {@code supportlab.base-url}, links in emails point at this installation's own port
 * ({@code server.port}, e.g. {@code SERVER_PORT=9090}: {@code http://localhost:9090}) rather than
 * always at 8080. A random or switched-off port ({@code 0}, {@code -1}) leaves the default of
 * {@link SupportLabProperties#baseUrl()}.
 */
final class BaseUrlDefault implements EnvironmentPostProcessor {

    static final String PROPERTY = "supportlab.base-url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        Integer port;
        try {
            port = environment.getProperty("server.port", Integer.class);
        } catch (ConversionException | IllegalArgumentException e) {
            return; // the web server reports the bad port itself
        }
        if (port == null || port <= 0) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "supportlab-base-url-from-port", Map.of(PROPERTY, "http://localhost:" + port)));
    }
}
