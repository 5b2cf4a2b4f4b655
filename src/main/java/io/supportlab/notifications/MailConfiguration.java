package io.supportlab.notifications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailProvider mailProvider(NotificationsProperties properties, ObjectProvider<JavaMailSender> smtp) {
        if (properties.smtp()) {
            JavaMailSender sender = smtp.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException(
                        "SUPPORTLAB_MAIL_PROVIDER=smtp needs an SMTP server: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, "
                                + "SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as your relay requires)");
            }
            return new SmtpMailProvider(sender);
        }
        if (!properties.provider().equalsIgnoreCase("log")
                && !properties.provider().equalsIgnoreCase("mock")) {
            throw new IllegalStateException(
                    "Unknown SUPPORTLAB_MAIL_PROVIDER '" + properties.provider() + "': use log (or mock) or smtp");
        }
        return new LogMailProvider();
    }
}
