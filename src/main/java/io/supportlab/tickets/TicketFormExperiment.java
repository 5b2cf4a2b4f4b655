package io.supportlab.tickets;

import io.supportlab.experiments.ProductExperiment;
import io.supportlab.experiments.Variant;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The help center's experiment on its public ticket form, declared to {@code experiments}. */
@Configuration(proxyBeanMethods = false)
class TicketFormExperiment {

    /** The seed's gradient styling and "Get Help Now" against the plain form. */
    static final ProductExperiment DEFINITION = new ProductExperiment(
            "ticket-form-layout",
            "Ticket form layout",
            "The public ticket form: plain (control) against gradient styling with \"Get Help Now\" (test).",
            "The friendlier form makes more visitors who need help actually submit a ticket.",
            List.of(new Variant("control", "Plain form", 0.5), new Variant("test", "Gradient, Get Help Now", 0.5)),
            "ticket_submitted",
            // Recorded by faq when a visitor opens an article the form suggested.
            List.of("faq_suggestion_clicked"),
            200,
            0.1);

    @Bean
    ProductExperiment ticketFormExperimentDefinition() {
        return DEFINITION;
    }
}
