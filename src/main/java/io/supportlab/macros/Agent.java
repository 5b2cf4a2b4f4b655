package io.supportlab.macros;

import io.supportlab.accounts.Caller;
import io.supportlab.accounts.Role;
import org.springframework.security.core.Authentication;

/**
 * The staff member using macros: whether they are an admin decides who may keep shared ones.
 *
 * @param email the signed-in staff member's address, as their personal macros are owned
 */
public record Agent(String email, boolean admin) {

    static Agent of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
        return new Agent(authentication.getName(), admin);
    }

    /** The same person as the tickets feature sees callers. */
    Caller caller() {
        return new Caller(email, true);
    }

    boolean owns(Macro macro) {
        String owner = macro.owner();
        return owner != null && email.equalsIgnoreCase(owner);
    }
}
