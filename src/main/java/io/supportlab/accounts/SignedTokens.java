package io.supportlab.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Short signed statements about an email address ("may see their tickets", "wants no more email"),
 * as HS256 JWTs. Each carries a purpose, so a token issued for one use is refused for another.
 */
@Component
public class SignedTokens {

    private static final String PURPOSE = "purpose";
    private static final String KEY_NAME = "link-signing-key";

    /** What a token may be used for. */
    public enum Purpose {
        CUSTOMER_ACCESS,
        UNSUBSCRIBE,
        /** When the public ticket form was rendered (the subject), to spot forms sent too fast. */
        FORM_RENDERED
    }

    private final AppSecrets secrets;
    private final Clock clock;
    // Built on first use: the key comes from the database, which is not ready at construction.
    private final Map<Purpose, JwtDecoder> decoders = new ConcurrentHashMap<>();
    private volatile @Nullable JwtEncoder encoder;

    SignedTokens(AppSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public String issue(String subject, Purpose purpose, Duration validFor) {
        Instant now = Instant.now(clock);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(validFor))
                .claim(PURPOSE, purpose.name())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** What a valid token says: its subject, and until when it is valid. */
    public record Claims(String subject, Instant expiresAt) {}

    /** The subject of a valid, unexpired token issued for {@code purpose}; empty for anything else. */
    public Optional<String> verify(String token, Purpose purpose) {
        return claims(token, purpose).map(Claims::subject);
    }

    /** The claims of a valid, unexpired token issued for {@code purpose}; empty for anything else. */
    public Optional<Claims> claims(String token, Purpose purpose) {
        if (token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            Jwt jwt = decoders.computeIfAbsent(purpose, this::decoder).decode(token);
            return jwt.getSubject() == null || jwt.getExpiresAt() == null
                    ? Optional.empty()
                    : Optional.of(new Claims(jwt.getSubject(), jwt.getExpiresAt()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private JwtDecoder decoder(Purpose purpose) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                expiry,
                new JwtClaimValidator<String>(PURPOSE, purpose.name()::equals),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }

    private JwtEncoder encoder() {
        JwtEncoder current = encoder;
        if (current == null) {
            current = NimbusJwtEncoder.withSecretKey(key()).build();
            encoder = current;
        }
        return current;
    }

    private SecretKey key() {
        return new SecretKeySpec(secrets.key(KEY_NAME), "HmacSHA256");
    }
}
