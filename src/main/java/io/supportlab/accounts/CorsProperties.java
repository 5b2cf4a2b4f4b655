package io.supportlab.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Other sites allowed to call the tracking API (assignment, events) from the browser, as the
 * JavaScript SDK does.
 *
 * @param allowedOrigins e.g. {@code https://www.example.com} ({@code SUPPORTLAB_CORS_ALLOWED_ORIGINS},
 *     comma-separated); empty: same origin only
 */
@ConfigurationProperties("supportlab.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins) {}
