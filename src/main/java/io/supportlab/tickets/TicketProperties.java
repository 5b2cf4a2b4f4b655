package io.supportlab.tickets;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the help desk.
 *
 * @param minFillTime a public form sent sooner than this after it was shown is flagged as spam
 *     ({@code SUPPORTLAB_TICKETS_MIN_FILL_TIME}; a person needs longer to write a ticket)
 */
@Validated
@ConfigurationProperties("supportlab.tickets")
record TicketProperties(@NotNull @DefaultValue("3s") Duration minFillTime) {}
