package io.supportlab.tickets;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the help desk.
 *
 * @param minFillTime a help-center form sent sooner than this after it was shown is shown again to
 *     be confirmed ({@code SUPPORTLAB_TICKETS_MIN_FILL_TIME}); it flags nothing, since a person
 *     pasting or autofilling can be that quick too
 * @param accessLinkPollInterval how often waiting access-link requests are decided and mailed
 *     ({@code SUPPORTLAB_TICKETS_ACCESS_LINK_POLL_INTERVAL}); the request itself only records them
 */
@Validated
@ConfigurationProperties("supportlab.tickets")
record TicketProperties(
        @NotNull @DefaultValue("3s") Duration minFillTime,
        @NotNull @DefaultValue("1s") Duration accessLinkPollInterval) {}
