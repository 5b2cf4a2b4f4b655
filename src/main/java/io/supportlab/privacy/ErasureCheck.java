package io.supportlab.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Whether an address was erased, from the audit log (which keeps only its keyed hash).
 *
 * @param erasures newest first; empty if the address was never erased
 */
public record ErasureCheck(boolean erased, List<PastErasure> erasures) {

    /**
     * One recorded erasure.
     *
     * @param subject as recorded: {@code hmac:...}, or {@code sha256:...} for erasures made before
     *     the audit log used a keyed hash
     */
    public record PastErasure(Instant erasedAt, String erasedBy, String subject) {}
}
