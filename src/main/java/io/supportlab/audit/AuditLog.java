package io.supportlab.audit;

import io.supportlab.platform.limits.ClientAddress;
import io.supportlab.platform.paging.Page;
import io.supportlab.platform.paging.PageRequest;
import io.supportlab.platform.persistence.Ids;
import io.supportlab.platform.persistence.Pseudonyms;
import io.supportlab.platform.problems.Problems;
import io.supportlab.platform.web.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records staff actions. Called inside the transaction of the action it records, so an entry
 * exists exactly when the action took effect. The client address is taken from the current
 * request, if there is one. Entries about a person who may be a customer (an erasure, a failed
 * login under some name) name them by a keyed hash, never by their address: the log is
 * append-only, so what it stores cannot be erased later.
 */
@Service
public class AuditLog {

    static final int MAX_TEXT = 2000;

    private final AuditRepository entries;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    AuditLog(AuditRepository entries, Pseudonyms pseudonyms, Clock clock) {
        this.entries = entries;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /**
     * Appends an entry.
     *
     * @param actor the staff member's email (or {@code system})
     * @param action dotted, e.g. {@code faq.updated}
     * @param target what the action was about, e.g. a ticket reference
     * @param details what changed, in words
     */
    public AuditEntry record(String actor, String action, @Nullable String target, @Nullable String details) {
        AuditEntry entry = new AuditEntry(
                Ids.newId(),
                Instant.now(clock),
                Problems.abbreviate(Text.clean(actor), 254),
                action,
                target == null ? null : Problems.abbreviate(Text.clean(target), 254),
                details == null ? null : Problems.abbreviate(Text.clean(details), MAX_TEXT),
                currentAddress());
        entries.insert(entry);
        return entry;
    }

    /** Appends an entry for the signed-in user (or {@code system} outside a request). */
    public AuditEntry record(String action, @Nullable String target, @Nullable String details) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String actor = user == null || user instanceof AnonymousAuthenticationToken ? "system" : user.getName();
        return record(actor, action, target, details);
    }

    /**
     * Appends an entry about {@code person} (an email address or a name typed at the login), whose
     * target is {@link #subject(String) their pseudonym}; blank means nobody in particular.
     */
    public AuditEntry recordAboutPerson(String actor, String action, String person, @Nullable String details) {
        return record(actor, action, person.isBlank() ? null : subject(person), details);
    }

    /**
     * The target under which entries about {@code person} are recorded: {@code hmac:} and the keyed
     * hash of the address, trimmed and in lower case. An admin who knows an address finds its
     * entries by computing the same (the {@code subject} filter).
     */
    public String subject(String person) {
        return pseudonyms.of(normalize(person));
    }

    /** Newest first. */
    public Page<AuditEntry> list(AuditFilter filter, PageRequest page) {
        String subject = filter.subject();
        @Nullable List<String> targets = subject == null ? null : subjects(subject);
        return Page.of(entries.list(filter, targets, page), page, e -> PageRequest.cursor(e.createdAt(), e.id()));
    }

    /**
     * Every target an entry about {@code person} may have: the keyed hash, and the plain
     * {@code sha256:} of the address under which versions before the keyed hash recorded exports and
     * erasures.
     */
    private List<String> subjects(String person) {
        String normalized = normalize(person);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return List.of(pseudonyms.of(normalized), "sha256:" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String normalize(String person) {
        return person.strip().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ClientAddress.of(attributes.getRequest());
        }
        return null;
    }
}
