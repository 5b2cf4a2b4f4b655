package io.supportlab.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every feature.
 *
 * @param dataDir directory for the SQLite file, search indexes, backups and attachments ({@code
 *     SUPPORTLAB_DATA_DIR})
 * @param baseUrl public address of this installation, used for links in emails ({@code
 *     SUPPORTLAB_BASE_URL}); when unset, {@code http://localhost:<server.port>} ({@link
 *     BaseUrlDefault})
 * @param http limits on incoming requests
 * @param rateLimits abuse limits per client address on the public endpoints and on logins
 */
@Validated
@ConfigurationProperties("supportlab")
public record SupportLabProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl,
        @Valid @NotNull @DefaultValue Http http,
        @Valid @NotNull @DefaultValue RateLimits rateLimits) {

    /**
     * @param maxBodySize the largest request body accepted ({@code SUPPORTLAB_HTTP_MAX_BODY_SIZE})
     * @param maxHeaderSize the largest request line and headers, together (431 above; Tomcat refuses
     *     anything above {@code server.max-http-request-header-size} outright)
     * @param maxJsonDepth how deeply JSON arrays and objects may nest in a request body
     * @param maxJsonStringLength the longest JSON string (in characters) in a request body; fields
     *     have their own, smaller limits
     * @param trustedProxies addresses (CIDR) of the reverse proxies whose {@code X-Forwarded-For}
     *     and {@code X-Forwarded-Proto} are believed; from anyone else the headers are ignored
     */
    public record Http(
            @NotNull @DefaultValue("2MB") DataSize maxBodySize,
            @NotNull @DefaultValue("32KB") DataSize maxHeaderSize,
            @Min(2) @Max(1000) @DefaultValue("32") int maxJsonDepth,
            @Min(1000) @DefaultValue("100000") int maxJsonStringLength,

            @NotNull @DefaultValue({"127.0.0.0/8", "::1/128"})
            List<
                            @Pattern(
                                    regexp = "[0-9a-fA-F:.]+/\\d{1,3}",
                                    message = "must be an address range in CIDR notation")
                            String>
                    trustedProxies) {}

    /**
     * Abuse limits. Each feature declares its own limits ({@code RateLimit} beans) with defaults;
     * {@code supportlab.rate-limits.<name>.capacity} and {@code .period} override them.
     *
     * @param enabled switch every limit off, e.g. for a benchmark ({@code SUPPORTLAB_RATE_LIMITS_ENABLED})
     * @param login failed staff logins
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @Valid @NotNull @DefaultValue Login login) {}

    /**
     * Failed password logins (OWASP's authentication guidance: make guessing expensive without
     * letting anyone lock the owner out). Per account name and client address together: after
     * {@code freeFailures} failures each further attempt from that address must wait twice as long
     * as the one before (1 s, 2 s, 4 s ...), and after {@code lockoutFailures} that address may not
     * try the name again for {@code lockout}. Per client address, whatever the names: {@code
     * addressLockoutFailures} failures lock the address out for {@code lockout}. Per account name,
     * from anywhere: after {@code freeFailures} failures every password check for the name is held
     * back 1 s, 2 s, ... up to {@code maxAccountDelay}, which slows a distributed attack down but
     * only delays the owner, never refuses them.
     */
    public record Login(
            @Min(1) @DefaultValue("5") int freeFailures,
            @Min(1) @DefaultValue("10") int lockoutFailures,
            @Min(1) @DefaultValue("50") int addressLockoutFailures,
            @NotNull @DefaultValue("15m") Duration lockout,
            @NotNull @DefaultValue("3s") Duration maxAccountDelay) {

        /** A longer hold-back would keep the owner waiting like a lockout does. */
        public static final Duration LONGEST_ACCOUNT_DELAY = Duration.ofSeconds(10);

        public Login {
            if (maxAccountDelay != null
                    && (maxAccountDelay.isNegative() || maxAccountDelay.compareTo(LONGEST_ACCOUNT_DELAY) > 0)) {
                throw new IllegalArgumentException(
                        "supportlab.rate-limits.login.max-account-delay must be between 0s and 10s");
            }
        }
    }
}
