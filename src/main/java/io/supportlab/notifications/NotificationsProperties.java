package io.supportlab.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Email delivery settings ({@code supportlab.mail.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param provider {@code log} prints emails (the seed's mock provider; {@code mock} means the same),
 *     {@code smtp} sends them ({@code SUPPORTLAB_MAIL_PROVIDER}, or the seed's {@code EMAIL_PROVIDER})
 * @param from the sender address of every email
 * @param maxAttempts attempts before a notification is marked failed
 * @param retryDelay delay after the first failed attempt; it doubles after each further one
 * @param maxRetryDelay upper bound of the delay between attempts
 * @param pollInterval how often the dispatcher looks for due notifications
 * @param batchSize notifications claimed per round
 * @param lease how long a claimed notification is reserved for the instance sending it
 * @param digestHour hour of the day (UTC) at which daily and weekly digests go out
 * @param weeklyDigestDay day on which weekly digests go out
 */
@Validated
@ConfigurationProperties("supportlab.mail")
record NotificationsProperties(
        @NotBlank @DefaultValue("log") String provider,

        @NotBlank @DefaultValue("SupportLab <support@supportlab.local>")
        String from,

        @Min(1) @Max(50) @DefaultValue("6") int maxAttempts,
        @NotNull @DefaultValue("30s") Duration retryDelay,
        @NotNull @DefaultValue("1h") Duration maxRetryDelay,
        @NotNull @DefaultValue("2s") Duration pollInterval,
        @Min(1) @Max(1000) @DefaultValue("50") int batchSize,
        @NotNull @DefaultValue("5m") Duration lease,
        @Min(0) @Max(23) @DefaultValue("8") int digestHour,
        @NotNull @DefaultValue("MONDAY") DayOfWeek weeklyDigestDay) {

    boolean smtp() {
        return "smtp".equalsIgnoreCase(provider);
    }

    /** Delay before attempt {@code attempt + 1}, after {@code attempt} failures: exponential, capped. */
    Duration backoff(int failedAttempts) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
