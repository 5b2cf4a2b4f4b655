package io.supportlab.platform.problems;

import java.io.IOException;

/**
 * Thrown while reading a body without a declared length once it passes the limit; the error
 * handler answers it with {@link Problems#payloadTooLarge(long)}.
 */
public final class BodyTooLargeException extends IOException {

    final long maxBytes;

    public BodyTooLargeException(long maxBytes) {
        super("request body exceeds " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }
}
