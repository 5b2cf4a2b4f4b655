package io.supportlab.tickets;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;

/** Query parameters use the same wire values as JSON ({@code ?status=in-progress}). */
@Configuration(proxyBeanMethods = false)
class TicketParameterConverters {

    @Bean
    Converter<String, TicketStatus> ticketStatusParameter() {
        return value -> TicketStatus.fromValue(value.strip().toLowerCase(Locale.ROOT));
    }

    @Bean
    Converter<String, TicketPriority> ticketPriorityParameter() {
        return value -> TicketPriority.fromValue(value.strip().toLowerCase(Locale.ROOT));
    }
}
