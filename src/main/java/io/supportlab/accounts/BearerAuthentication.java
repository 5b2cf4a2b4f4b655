package io.supportlab.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * {@code Authorization: Bearer ...}: either a staff API token ({@code slt_...}), which runs the
 * request as its owner with the owner's role, or a customer access token (the one in the emailed
 * link), which runs it as that customer. Read by {@link Converter}, checked by {@link Provider}.
 */
final class BearerAuthentication extends AbstractAuthenticationToken {

    private final @Nullable String secret;
    private final String principal;

    private BearerAuthentication(String secret) {
        super(List.of());
        this.secret = secret;
        this.principal = "bearer";
    }

    private BearerAuthentication(String email, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.secret = null;
        this.principal = email;
        setAuthenticated(true);
    }

    @Override
    public @Nullable Object getCredentials() {
        return secret;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    /** Reads a bearer token; requests without one go on to the other mechanisms. */
    static final class Converter implements AuthenticationConverter {
        private static final String BEARER = "Bearer ";

        @Override
        public @Nullable Authentication convert(HttpServletRequest request) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            return new BearerAuthentication(header.substring(BEARER.length()).strip());
        }
    }

    static final class Provider implements AuthenticationProvider {
        private final ApiTokenService tokens;
        private final CustomerAccess customers;

        Provider(ApiTokenService tokens, CustomerAccess customers) {
            this.tokens = tokens;
            this.customers = customers;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String secret = String.valueOf(authentication.getCredentials());
            if (secret.startsWith(ApiTokenService.SCHEME_PREFIX)) {
                return tokens.authenticate(secret)
                        .map(owner -> new BearerAuthentication(
                                owner.email(),
                                List.of(new SimpleGrantedAuthority(owner.role().authority()))))
                        .orElseThrow(() -> new BadCredentialsException("The API token is invalid or revoked"));
            }
            return customers
                    .verify(secret)
                    .map(email ->
                            new BearerAuthentication(email, List.of(new SimpleGrantedAuthority(Caller.CUSTOMER_ROLE))))
                    .orElseThrow(() -> new BadCredentialsException("The access token is invalid or expired"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return BearerAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
