package io.supportlab.tickets;

/**
 * Whether ticket emails reach a customer's address, so that staff are told before they reply. The
 * notifications feature answers it; it depends on this feature, so the question is asked through
 * this interface and the dependency keeps pointing one way.
 */
public interface CustomerEmailReach {

    /** How a public reply to {@code email} would reach that address. */
    Reach reach(String email);

    enum Reach {
        /** Emailed at once. */
        IMMEDIATELY,
        /** Collected in the address's daily or weekly digest email. */
        IN_DIGEST,
        /** Not emailed: the address unsubscribed or wants no email. */
        NOT_EMAILED
    }
}
