package io.supportlab.privacy;

import io.supportlab.audit.AuditEntry;
import io.supportlab.audit.AuditFilter;
import io.supportlab.audit.AuditLog;
import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.problems.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports and erases a customer's data across every feature that holds some. Each runs in one
 * transaction with its audit entry: an erasure is complete or did not happen. After an erasure
 * commits, the old values are purged from the database files too ({@link StoragePurge}).
 */
@Service
public class PrivacyService {

    private static final Pattern EMAIL = Pattern.compile(".+@.+\\..+");
    static final int MAX_ERASURES_SHOWN = 100;

    /** What the erasure's transaction did, and which tables it changed. */
    private record Erased(Map<String, Integer> counts, AuditEntry entry, List<String> changedTables) {}

    private final List<PersonalData> holders;
    private final AuditLog audit;
    private final StoragePurge storage;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PrivacyService(
            List<PersonalData> holders,
            AuditLog audit,
            StoragePurge storage,
            TransactionTemplate transactions,
            Clock clock) {
        this.holders = holders;
        this.audit = audit;
        this.storage = storage;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public DataExport export(String email, String actor) {
        String normalized = normalize(email);
        Map<String, Object> data = new LinkedHashMap<>();
        for (PersonalData holder : holders) {
            data.put(holder.section(), holder.export(normalized));
        }
        audit.recordAboutPerson(actor, "privacy.exported", normalized, null);
        return new DataExport(normalized, Instant.now(clock), data);
    }

    /**
     * Erases {@code email} in one transaction, then purges the old values from the database files,
     * which cannot happen inside a transaction (PostgreSQL's VACUUM, SQLite's checkpoint).
     */
    public ErasureReport erase(String email, String actor) {
        String normalized = normalize(email);
        Erased erased = Objects.requireNonNull(transactions.execute(status -> eraseRows(normalized, actor)));
        boolean purged = storage.purge(erased.changedTables());
        return new ErasureReport(
                Objects.requireNonNull(erased.entry().target()), erased.entry().createdAt(), erased.counts(), purged);
    }

    /** The erasures of {@code email} that the audit log records, newest first. */
    public ErasureCheck erasures(String email) {
        List<ErasureCheck.PastErasure> erasures = audit
                .list(AuditFilter.about(normalize(email), "privacy.erased"), PageRequest.first(MAX_ERASURES_SHOWN))
                .items()
                .stream()
                .map(e -> new ErasureCheck.PastErasure(e.createdAt(), e.actor(), Objects.requireNonNull(e.target())))
                .toList();
        return new ErasureCheck(!erasures.isEmpty(), erasures);
    }

    private Erased eraseRows(String email, String actor) {
        String random = UUID.randomUUID().toString().replace("-", "");
        Erasure erasure = new Erasure("erased-" + random.substring(0, 12) + "@erased.invalid", "erased-" + random);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PersonalData holder : holders) {
            counts.putAll(holder.erase(email, erasure));
        }
        AuditEntry entry = audit.recordAboutPerson(actor, "privacy.erased", email, counts.toString());
        return new Erased(counts, entry, storage.changedTables());
    }

    static String normalize(String email) {
        String normalized = EmailAddress.of(email).value();
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new InvalidRequestException("email", "must be a valid email address");
        }
        return normalized;
    }
}
