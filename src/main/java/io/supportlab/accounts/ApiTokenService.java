package io.supportlab.accounts;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.problems.ConflictException;
import io.supportlab.platform.problems.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is 256 random bits; only its SHA-256 is stored (a slow password hash
 * adds nothing for a secret with that much entropy, and every API call checks one).
 */
@Service
class ApiTokenService {

    static final String SCHEME_PREFIX = "slt_";
    private static final int PREFIX_SHOWN = SCHEME_PREFIX.length() + 6;
    /** How stale {@code last_used_at} may get, so a busy client does not write on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** A token just created: the secret is in here and nowhere else, ever. */
    record Created(ApiToken token, String secret) {}

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Created create(String email, String name) {
        StaffUser owner = users.findByEmail(EmailAddress.of(email))
                .orElseThrow(() -> new ResourceNotFoundException("user", email));
        if (!owner.active()) {
            // Its sessions end at once anyway; this keeps any other way in from minting one.
            throw new ConflictException("A deactivated account cannot create API tokens");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = SCHEME_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(
                Ids.newId(),
                owner.id(),
                name.strip(),
                secret.substring(0, PREFIX_SHOWN),
                Instant.now(clock),
                null,
                null);
        tokens.insert(token, hash(secret));
        audit.record(owner.email(), "token.created", token.prefix(), "Token “" + token.name() + "”");
        return new Created(token, secret);
    }

    List<ApiToken> list(String email) {
        return users.findByEmail(EmailAddress.of(email))
                .map(u -> tokens.listForUser(u.id()))
                .orElse(List.of());
    }

    @Transactional
    void revoke(String email, String tokenId) {
        StaffUser owner = users.findByEmail(EmailAddress.of(email))
                .orElseThrow(() -> new ResourceNotFoundException("user", email));
        if (!tokens.revoke(tokenId, owner.id(), Instant.now(clock))) {
            throw new ResourceNotFoundException("API token", tokenId);
        }
        audit.record(owner.email(), "token.revoked", tokenId, null);
    }

    /** The owner of a live token whose account is active, if {@code secret} is one. */
    Optional<ApiTokenRepository.Owner> authenticate(String secret) {
        if (!secret.startsWith(SCHEME_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiTokenRepository.Owner> owner =
                tokens.findLiveOwner(hash(secret)).filter(ApiTokenRepository.Owner::active);
        owner.ifPresent(this::touch);
        return owner;
    }

    private void touch(ApiTokenRepository.Owner owner) {
        Instant now = Instant.now(clock);
        Instant lastUsed = owner.token().lastUsedAt();
        if (lastUsed == null || lastUsed.isBefore(now.minus(TOUCH_INTERVAL))) {
            tokens.touch(owner.token().id(), now);
        }
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
