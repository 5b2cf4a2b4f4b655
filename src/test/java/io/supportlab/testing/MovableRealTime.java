package io.supportlab.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Import it to make the application's Clock a {@link MutableClock#running() running} one: real
 * time, so rows keep their order of creation, which the test can move forward instead of waiting.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableRealTime {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return MutableClock.running();
    }
}
