package io.supportlab.audit;

import io.supportlab.platform.paging.Page;
import org.jspecify.annotations.Nullable;

/** The audit page: the entries, the filter values as typed, an error, the next page's link. */
public record AuditView(
        Page<AuditEntry> page,
        String actor,
        String action,
        String target,
        String subject,
        String from,
        String to,
        @Nullable String error,
        @Nullable String nextUrl) {}
