package io.supportlab.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Import it to make the application's Clock a {@link MutableClock} the test moves forward; it
 * stands still in between ({@link MovableRealTime} keeps it moving with the system clock as well).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableTime {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
