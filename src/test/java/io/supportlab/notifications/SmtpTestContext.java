package io.supportlab.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application sending through SMTP to GreenMail on {@link io.supportlab.testing.TestSmtp#port()}, with quick retries and no
 * background jobs: tests dispatch and run digests themselves, at the moments they choose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(
        properties = {
            "supportlab.mail.provider=smtp",
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=${supportlab.test.smtp-port}",
            "spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "spring.mail.properties.mail.smtp.timeout=2000",
            "supportlab.mail.max-attempts=3",
            "supportlab.mail.retry-delay=1ms",
            "supportlab.mail.max-retry-delay=1ms",
            "supportlab.scheduling.enabled=false"
        })
@interface SmtpTestContext {}
