package io.supportlab.notifications;

import io.supportlab.platform.limits.RateLimit;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Emails the public can cause to one address. */
@Configuration(proxyBeanMethods = false)
class EmailLimits {

    /**
     * Ticket confirmation emails per recipient address, whoever files the tickets: keeps the public
     * API from mailing one inbox again and again. The tickets are filed all the same.
     */
    static final RateLimit CONFIRMATION_EMAILS = RateLimit.counted("confirmation-emails", 3, Duration.ofHours(1));

    @Bean
    RateLimit confirmationEmailLimit() {
        return CONFIRMATION_EMAILS;
    }
}
