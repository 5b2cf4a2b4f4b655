package io.supportlab.notifications;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** Query parameters and form fields use the JSON wire values ({@code ?status=failed}). */
@Configuration(proxyBeanMethods = false)
class NotificationParameterConverters {

    @Bean
    Converter<String, NotificationStatus> notificationStatusParameter() {
        return value -> NotificationStatus.fromValue(value.strip().toLowerCase(Locale.ROOT));
    }

    @Bean
    Converter<String, Frequency> frequencyParameter() {
        return value -> Frequency.fromValue(value.strip().toLowerCase(Locale.ROOT));
    }
}
