package io.supportlab.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every feature.
 *
 * @param dataDir directory for the SQLite file, search indexes and attachments ({@code
 *     SUPPORTLAB_DATA_DIR})
 * @param baseUrl public address of this installation, used for links in emails ({@code
 *     SUPPORTLAB_BASE_URL})
 * @param http limits on incoming requests
 */
@Validated
@ConfigurationProperties("supportlab")
public record SupportLabProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("http://localhost:8080") URI baseUrl,
        @Valid @NotNull @DefaultValue Http http) {

    /** @param maxBodySize the largest request body accepted ({@code SUPPORTLAB_HTTP_MAX_BODY_SIZE}) */
    public record Http(@NotNull @DefaultValue("2MB") DataSize maxBodySize) {}
}
