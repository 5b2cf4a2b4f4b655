package io.supportlab.platform.persistence;

import io.supportlab.platform.limits.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256) that stand in for personal data where only "the same one again?"
 * matters: whom an audit entry is about, which client already voted for an article. Email and IP
 * addresses are guessable, so a plain hash of one is found by hashing candidates; without the key
 * that does not work. The key is random, made on first start and kept in the database
 * ({@link AppKeys}, {@code pseudonym-key}), so every instance computes the same values; whoever
 * holds the database or a backup holds the key too (see docs/operations.md, threat model).
 */
@Component
public class Pseudonyms implements SmartInitializingSingleton {

    static final String KEY_NAME = "pseudonym-key";

    private final AppKeys keys;

    Pseudonyms(AppKeys keys) {
        this.keys = keys;
    }

    /**
     * Loads (or makes) the key at start-up, on its own connection: made lazily inside a request's
     * transaction, a rollback would forget a key already in use.
     */
    @Override
    public void afterSingletonsInstantiated() {
        keys.key(KEY_NAME);
    }

    /** {@code hmac:} and 64 hex digits: the pseudonym of {@code value}, exactly as given. */
    public String of(String value) {
        return "hmac:" + HexFormat.of().formatHex(mac(value));
    }

    /**
     * The client of a request, as counted once per article (votes, views): 32 hex digits from
     * {@link ClientAddress#key(HttpServletRequest)}, so a whole IPv6 /64 is one client and the
     * address itself is never stored.
     */
    public String ofClient(HttpServletRequest request) {
        return HexFormat.of().formatHex(mac("client " + ClientAddress.key(request)), 0, 16);
    }

    private byte[] mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.key(KEY_NAME), "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
