package io.supportlab.faq;

import io.supportlab.platform.limits.RateLimit;
import io.supportlab.platform.limits.RateLimit.Route;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Public searches and ticket-form suggestions cost a Lucene query each: limited per client. */
@Configuration(proxyBeanMethods = false)
class SearchLimits {

    /** FAQ listing is free; with a query it is a search. */
    static final RateLimit SEARCH = RateLimit.onRoutes(
            "search",
            120,
            Duration.ofMinutes(1),
            Route.get("/api/faqs/suggestions|/help/search|/help/suggestions"),
            Route.get("/api/faqs").withParameter("search"));

    @Bean
    RateLimit searchLimit() {
        return SEARCH;
    }
}
