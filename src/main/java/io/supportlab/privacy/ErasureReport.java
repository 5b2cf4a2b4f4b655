package io.supportlab.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * What an erasure did.
 *
 * @param subject the pseudonym under which the audit log records the erasure ({@code sha256:...} of
 *     the address), so it can later be shown that an address was erased without storing it
 * @param counts rows deleted or anonymised, by kind
 */
public record ErasureReport(String subject, Instant erasedAt, Map<String, Integer> counts) {}
