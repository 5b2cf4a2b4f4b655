package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** The default public address follows the server port. */
class BaseUrlDefaultTests {

    static URI baseUrl(MockEnvironment environment) {
        new BaseUrlDefault().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment)
                .bindOrCreate("supportlab", SupportLabProperties.class)
                .baseUrl();
    }

    @Test
    void springBootAppliesIt() {
        // Spring Boot's own need arguments this test does not give; they are skipped.
        var skipOthers = SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {});
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(EnvironmentPostProcessor.class, null, skipOthers))
                .anyMatch(BaseUrlDefault.class::isInstance);
    }

    @Test
    void followsAnotherServerPort() {
        assertThat(baseUrl(new MockEnvironment().withProperty("server.port", "9090")))
                .isEqualTo(URI.create("http://localhost:9090"));
    }

    @Test
    void aConfiguredBaseUrlWins() {
        assertThat(baseUrl(new MockEnvironment()
                        .withProperty("server.port", "9090")
                        .withProperty("supportlab.base-url", "https://help.example.com")))
                .isEqualTo(URI.create("https://help.example.com"));
    }

    @Test
    void aRandomPortKeepsTheDefault() {
        assertThat(baseUrl(new MockEnvironment().withProperty("server.port", "0")))
                .isEqualTo(URI.create("http://localhost:8080"));
    }

    @Test
    void noPortKeepsTheDefault() {
        assertThat(baseUrl(new MockEnvironment())).isEqualTo(URI.create("http://localhost:8080"));
    }
}
