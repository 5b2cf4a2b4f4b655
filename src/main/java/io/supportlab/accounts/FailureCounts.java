package io.supportlab.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where {@link LoginThrottle} counts failed logins: in this instance's memory ({@link
 * LocalFailureCounts}, SQLite's single instance) or in PostgreSQL, shared by every instance ({@link
 * PostgresFailureCounts}), so that a lockout on one instance holds on all and failures add up. A
 * count whose latest failure is not after {@code since} is over: it starts again from one.
 */
interface FailureCounts {

    /** What failures are counted by; each key of one scope is counted on its own. */
    enum Scope {
        ACCOUNT_AND_ADDRESS("account-address"),
        ADDRESS("address"),
        ACCOUNT("account");

        final String column;

        Scope(String column) {
            this.column = column;
        }
    }

    /** An account name, an address, or both (one string, see {@link LoginThrottle}), in a scope. */
    record Key(Scope scope, String value) {}

    /** Failures so far and when the latest was. */
    record Failures(int count, Instant last) {}

    /**
     * Counts one failure at {@code now} under each key (at most one per scope, always in the order
     * of {@link Scope}) and answers the counts after it.
     */
    Map<Scope, Failures> add(List<Key> keys, Instant now, Instant since);

    /** The counts that are not over; a key without one is absent. */
    Map<Scope, Failures> read(List<Key> keys, Instant since);

    /** Ends the counts of {@code keys}. */
    void clear(List<Key> keys);

    /** Forgets every count that is over. */
    void forgetOver(Instant since);
}
