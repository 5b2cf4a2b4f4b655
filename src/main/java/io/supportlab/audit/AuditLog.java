package io.supportlab.audit;

import io.supportlab.platform.ClientAddress;
import io.supportlab.platform.Ids;
import io.supportlab.platform.Page;
import io.supportlab.platform.PageRequest;
import io.supportlab.platform.Problems;
import io.supportlab.platform.Text;
import java.time.Clock;
import java.time.Instant;
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
 * request, if there is one.
 */
@Service
public class AuditLog {

    static final int MAX_TEXT = 2000;

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
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

    /** Newest first. */
    public Page<AuditEntry> list(AuditFilter filter, PageRequest page) {
        return Page.of(entries.list(filter, page), page, e -> PageRequest.cursor(e.createdAt(), e.id()));
    }

    private static @Nullable String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ClientAddress.of(attributes.getRequest());
        }
        return null;
    }
}
