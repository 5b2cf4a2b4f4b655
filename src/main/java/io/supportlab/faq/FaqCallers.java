package io.supportlab.faq;

import io.supportlab.accounts.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Public FAQ endpoints behave a little differently for staff (drafts, no view counting). */
final class FaqCallers {

    private FaqCallers() {}

    static boolean staff(@Nullable Authentication caller) {
        return caller != null && signedIn(caller) && Caller.of(caller).staff();
    }

    static SearchLog.UserType userType(@Nullable Authentication caller) {
        if (caller == null || !signedIn(caller)) {
            return SearchLog.UserType.ANONYMOUS;
        }
        return Caller.of(caller).staff() ? SearchLog.UserType.STAFF : SearchLog.UserType.CUSTOMER;
    }

    private static boolean signedIn(@Nullable Authentication caller) {
        return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
    }
}
