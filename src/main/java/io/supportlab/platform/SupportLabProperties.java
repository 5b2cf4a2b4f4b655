package io.supportlab.platform;

import io.supportlab.platform.limits.RateLimitGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
     * Token buckets per client address (a whole IPv6 /64 counts as one client). Each group allows
     * {@code capacity} requests at once and refills at that many per {@code period}.
     *
     * @param enabled switch every limit off, e.g. for a benchmark ({@code SUPPORTLAB_RATE_LIMITS_ENABLED})
     * @param ticketCreation public ticket creation, API and form (Zammad's form channel allows 20 an hour)
     * @param search FAQ search and ticket-form suggestions
     * @param tracking experiment assignment and events (generous: real pages send many)
     * @param trackedEvents events stored per client address, counted per event, not per request
     * @param trackedEventBytes bytes of events stored per client address (capacity in bytes)
     * @param accessLinks customers asking for a new access link by email
     * @param accessLinkEmails access-link emails sent to one address, whoever asks
     * @param contactTickets public tickets naming one contact address, whoever sends them (more are flagged)
     * @param confirmationEmails ticket confirmation emails sent to one address, whoever files the
     *     tickets (the tickets are filed all the same; the emails over the limit are skipped)
     * @param login failed staff logins
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @Nullable Limit ticketCreation,
            @Nullable Limit search,
            @Nullable Limit tracking,
            @Nullable Limit trackedEvents,
            @Nullable Limit trackedEventBytes,
            @Nullable Limit accessLinks,
            @Nullable Limit accessLinkEmails,
            @Nullable Limit contactTickets,
            @Nullable Limit confirmationEmails,
            @Valid @NotNull @DefaultValue Login login) {

        public RateLimits {
            ticketCreation = Limit.orDefault(ticketCreation, 20, Duration.ofHours(1));
            search = Limit.orDefault(search, 120, Duration.ofMinutes(1));
            tracking = Limit.orDefault(tracking, 1200, Duration.ofMinutes(1));
            // A page tracks what a person does (views, clicks): rarely more than one event a second.
            // 3000 a minute is fifty such busy visitors behind one address (an office, a carrier's
            // NAT); the byte budget bounds what one address adds to the database (~1.4 GB a day).
            trackedEvents = Limit.orDefault(trackedEvents, 3000, Duration.ofMinutes(1));
            // 1 MB a minute: 3000 events of ~350 bytes, or a dozen busy visitors whose every
            // event carries the largest event_data (1 KB).
            trackedEventBytes = Limit.orDefault(trackedEventBytes, 1_048_576, Duration.ofMinutes(1));
            accessLinks = Limit.orDefault(accessLinks, 10, Duration.ofHours(1));
            accessLinkEmails = Limit.orDefault(accessLinkEmails, 3, Duration.ofHours(1));
            contactTickets = Limit.orDefault(contactTickets, 5, Duration.ofHours(1));
            confirmationEmails = Limit.orDefault(confirmationEmails, 3, Duration.ofHours(1));
        }

        /** The limit of a group; never null once bound. */
        public Limit of(RateLimitGroup group) {
            Limit limit = switch (group) {
                case TICKET_CREATION -> ticketCreation;
                case SEARCH -> search;
                case TRACKING -> tracking;
                case TRACKED_EVENTS -> trackedEvents;
                case TRACKED_EVENT_BYTES -> trackedEventBytes;
                case ACCESS_LINKS -> accessLinks;
                case ACCESS_LINK_EMAILS -> accessLinkEmails;
                case CONTACT_TICKETS -> contactTickets;
                case CONFIRMATION_EMAILS -> confirmationEmails;
            };
            return java.util.Objects.requireNonNull(limit);
        }
    }

    /** {@code capacity} requests per {@code period}; either may be left out to keep its default. */
    public record Limit(@Nullable Long capacity, @Nullable Duration period) {

        static Limit orDefault(@Nullable Limit given, long capacity, Duration period) {
            if (given == null) {
                return new Limit(capacity, period);
            }
            long c = given.capacity() == null ? capacity : given.capacity();
            Duration p = given.period() == null ? period : given.period();
            if (c < 1 || p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
            }
            return new Limit(c, p);
        }

        public long requireCapacity() {
            return java.util.Objects.requireNonNull(capacity);
        }

        public Duration requirePeriod() {
            return java.util.Objects.requireNonNull(period);
        }
    }

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
