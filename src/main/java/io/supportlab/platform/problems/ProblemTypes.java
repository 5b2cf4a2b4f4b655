package io.supportlab.platform.problems;

import java.net.URI;

/**
 * Stable {@code type} URIs of our RFC 9457 problems. Relative URIs, resolved against the server,
 * each documented in {@code docs/api.md}. Plain HTTP errors without extra meaning keep {@code
 * about:blank}, as the RFC recommends.
 */
public final class ProblemTypes {

    /** The request body or parameters failed validation; see the {@code errors} member. */
    public static final URI VALIDATION = URI.create("/problems/validation");

    /** The request body is not valid JSON, or a value has the wrong JSON type. */
    public static final URI MALFORMED_REQUEST = URI.create("/problems/malformed-request");

    /** The resource does not exist (or is not visible to the caller). */
    public static final URI NOT_FOUND = URI.create("/problems/not-found");

    /** The change conflicts with the current state of the resource. */
    public static final URI CONFLICT = URI.create("/problems/conflict");

    /** The request is understood but cannot be carried out in the current state. */
    public static final URI UNPROCESSABLE = URI.create("/problems/unprocessable");

    /** The request body is larger than the configured limit. */
    public static final URI PAYLOAD_TOO_LARGE = URI.create("/problems/payload-too-large");

    /** The client sent more requests than its rate limit allows; retry after {@code Retry-After} seconds. */
    public static final URI TOO_MANY_REQUESTS = URI.create("/problems/too-many-requests");

    /** The JSON body nests arrays and objects deeper than the limit. */
    public static final URI JSON_TOO_DEEP = URI.create("/problems/json-too-deep");

    /** A JSON string, number or name in the body is longer than the limit. */
    public static final URI JSON_VALUE_TOO_LONG = URI.create("/problems/json-value-too-long");

    /** A batch carries more items than one call may. */
    public static final URI BATCH_TOO_LARGE = URI.create("/problems/batch-too-large");

    /** The request line and headers are larger than the limit. */
    public static final URI HEADERS_TOO_LARGE = URI.create("/problems/headers-too-large");

    /** Credentials are missing or wrong. */
    public static final URI UNAUTHORIZED = URI.create("/problems/unauthorized");

    /** The caller is authenticated but may not do this. */
    public static final URI FORBIDDEN = URI.create("/problems/forbidden");

    /** A dependency (the database) is unavailable; retry later. */
    public static final URI UNAVAILABLE = URI.create("/problems/unavailable");

    /** An unexpected error; the response carries a reference to find it in the log. */
    public static final URI INTERNAL = URI.create("/problems/internal");

    private ProblemTypes() {}
}
