package io.supportlab.experiments;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** Query parameters use the JSON wire values ({@code ?status=running}). */
@Configuration(proxyBeanMethods = false)
class ExperimentParameterConverters {

    @Bean
    Converter<String, ExperimentStatus> experimentStatusParameter() {
        return ExperimentStatus::fromValue;
    }
}
