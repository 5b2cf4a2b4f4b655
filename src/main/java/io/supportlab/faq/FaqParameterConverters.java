package io.supportlab.faq;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** Form fields and query parameters use the JSON wire values ({@code status=draft}). */
@Configuration(proxyBeanMethods = false)
class FaqParameterConverters {

    @Bean
    Converter<String, FaqStatus> faqStatusParameter() {
        return FaqStatus::fromValue;
    }
}
