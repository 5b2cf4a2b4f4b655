package io.supportlab.faq;

import io.supportlab.experiments.ProductExperiment;
import io.supportlab.experiments.Variant;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base's experiment on the FAQ Management form, declared to {@code experiments}. */
@Configuration(proxyBeanMethods = false)
class FaqFormExperiment {

    /** The seed's orange/yellow theme against the plain form. */
    static final ProductExperiment DEFINITION = new ProductExperiment(
            "faq-form-theme",
            "FAQ form theme",
            "The FAQ Management form: plain (control) against an orange/yellow theme (test).",
            "A warmer form gets agents to write more FAQ articles.",
            List.of(new Variant("control", "Plain form", 0.5), new Variant("test", "Orange/yellow theme", 0.5)),
            "faq_created",
            List.of(),
            50,
            0.2);

    @Bean
    ProductExperiment faqFormExperimentDefinition() {
        return DEFINITION;
    }
}
