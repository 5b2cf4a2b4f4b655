package io.supportlab.accounts;

import io.supportlab.platform.EmailAddress;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Password login (form and HTTP Basic) against the {@code users} table; the email is the username. */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    StaffUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findCredentials(EmailAddress.of(username))
                .map(StaffPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
