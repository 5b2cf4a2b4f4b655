package io.supportlab.platform.limits;

import io.supportlab.platform.SupportLabProperties;
import io.supportlab.platform.web.Text;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads JSON request bodies within {@code supportlab.http.max-json-depth} and {@code
 * max-json-string-length}: deeply nested or huge documents are refused while parsing, before they
 * cost memory or stack. Replaces Boot's mapper builder only to start from a factory with these
 * constraints; every {@code spring.jackson.*} setting still applies through Boot's customizers.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimitsConfiguration {

    /**
     * NUL characters are dropped from every JSON string as it is read, as {@link Text#clean} drops
     * other control characters: PostgreSQL cannot store NUL in text, so an identifier or a search
     * with one would otherwise fail deep inside a query.
     */
    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        }
    }

    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(
            List<JsonMapperBuilderCustomizer> customizers, SupportLabProperties properties) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(properties.http().maxJsonDepth())
                .maxStringLength(properties.http().maxJsonStringLength())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(constraints).build());
        customizers.forEach(customizer -> customizer.customize(builder));
        builder.addModule(new SimpleModule("supportlab-strings").addDeserializer(String.class, new NoNulStrings()));
        return builder;
    }
}
