package io.supportlab.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is making a request, as features need to know it: a staff member, or a customer who proved
 * their email address through an access link.
 *
 * @param email the staff member's or the customer's email address
 */
public record Caller(String email, boolean staff) {

    public static final String CUSTOMER_ROLE = "ROLE_CUSTOMER";

    public static Caller of(Authentication authentication) {
        boolean staff = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.AGENT.authority()) || a.equals(Role.ADMIN.authority()));
        return new Caller(authentication.getName(), staff);
    }

    public boolean customer() {
        return !staff;
    }
}
