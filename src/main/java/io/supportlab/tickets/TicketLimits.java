package io.supportlab.tickets;

import io.supportlab.platform.limits.RateLimit;
import io.supportlab.platform.limits.RateLimit.Route;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The abuse limits of the public ticket routes and of what they send to one address. */
@Configuration(proxyBeanMethods = false)
class TicketLimits {

    /** Public ticket creation, API and help-center form, per client (Zammad's form channel allows 20 an hour). */
    static final RateLimit TICKET_CREATION = RateLimit.onRoutes(
            "ticket-creation", 20, Duration.ofHours(1), Route.post("/api/tickets"), Route.post("/help/tickets"));

    /** Customers asking for a new access link by email, per client. */
    static final RateLimit ACCESS_LINKS = RateLimit.onRoutes(
            "access-links", 10, Duration.ofHours(1), Route.post("/api/access-links"), Route.post("/my/link"));

    /** Access-link emails per recipient address, whoever asks: keeps many clients from flooding one inbox. */
    static final RateLimit ACCESS_LINK_EMAILS = RateLimit.counted("access-link-emails", 3, Duration.ofHours(1));

    /**
     * Public tickets naming one contact address, whoever sends them: beyond the limit they are filed
     * but flagged as spam.
     */
    static final RateLimit CONTACT_TICKETS = RateLimit.counted("contact-tickets", 5, Duration.ofHours(1));

    @Bean
    RateLimit ticketCreationLimit() {
        return TICKET_CREATION;
    }

    @Bean
    RateLimit accessLinkLimit() {
        return ACCESS_LINKS;
    }

    @Bean
    RateLimit accessLinkEmailLimit() {
        return ACCESS_LINK_EMAILS;
    }

    @Bean
    RateLimit contactTicketLimit() {
        return CONTACT_TICKETS;
    }
}
