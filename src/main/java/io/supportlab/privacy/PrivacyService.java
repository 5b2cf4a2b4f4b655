package io.supportlab.privacy;

import io.supportlab.audit.AuditLog;
import io.supportlab.platform.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports and erases a customer's data across every feature that holds some. Each runs in one
 * transaction with its audit entry: an erasure is complete or did not happen.
 */
@Service
public class PrivacyService {

    private static final Pattern EMAIL = Pattern.compile(".+@.+\\..+");

    private final List<PersonalData> holders;
    private final AuditLog audit;
    private final Clock clock;

    PrivacyService(List<PersonalData> holders, AuditLog audit, Clock clock) {
        this.holders = holders;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public DataExport export(String email, String actor) {
        String normalized = normalize(email);
        Map<String, Object> data = new LinkedHashMap<>();
        for (PersonalData holder : holders) {
            data.put(holder.section(), holder.export(normalized));
        }
        audit.record(actor, "privacy.exported", subject(normalized), null);
        return new DataExport(normalized, Instant.now(clock), data);
    }

    @Transactional
    public ErasureReport erase(String email, String actor) {
        String normalized = normalize(email);
        String random = UUID.randomUUID().toString().replace("-", "");
        Erasure erasure = new Erasure("erased-" + random.substring(0, 12) + "@erased.invalid", "erased-" + random);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PersonalData holder : holders) {
            counts.putAll(holder.erase(normalized, erasure));
        }
        String subject = subject(normalized);
        audit.record(actor, "privacy.erased", subject, counts.toString());
        return new ErasureReport(subject, Instant.now(clock), counts);
    }

    /** {@code sha256:<hex>} of the normalised address: what the audit log keeps instead of the address. */
    public static String subject(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String normalize(String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new InvalidRequestException("email", "must be a valid email address");
        }
        return normalized;
    }
}
