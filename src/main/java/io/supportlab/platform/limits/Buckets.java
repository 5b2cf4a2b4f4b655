package io.supportlab.platform.limits;

/**
 * Where the token buckets of {@link RateLimiter} live: in this instance's memory ({@link
 * LocalBuckets}, SQLite's single instance) or in PostgreSQL, shared by every instance ({@link
 * PostgresBuckets}). {@code limit} is always the configured limit and {@code tokens} at most its
 * capacity.
 */
interface Buckets {

    /** Takes {@code tokens} of {@code client}'s bucket under {@code limit}, or none. */
    RateLimiter.Decision consume(RateLimit limit, String client, long tokens);

    /** Puts back tokens that {@link #consume} took, never beyond a full bucket. */
    void refund(RateLimit limit, String client, long tokens);

    /** Forgets buckets that are full again; one that is not remembered is full. */
    void forgetFull();
}
