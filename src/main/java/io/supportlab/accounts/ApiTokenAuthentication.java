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
 * {@code Authorization: Bearer slt_...}: the token is read by {@link Converter}, checked by {@link
 * Provider}, and the request then runs as the token's owner with the owner's role.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final @Nullable String secret;
    private final String principal;

    private ApiTokenAuthentication(String secret) {
        super(List.of());
        this.secret = secret;
        this.principal = "api-token";
    }

    private ApiTokenAuthentication(String email, Collection<? extends GrantedAuthority> authorities) {
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
            return new ApiTokenAuthentication(header.substring(BEARER.length()).strip());
        }
    }

    static final class Provider implements AuthenticationProvider {
        private final ApiTokenService tokens;

        Provider(ApiTokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String secret = String.valueOf(authentication.getCredentials());
            return tokens.authenticate(secret)
                    .map(owner -> new ApiTokenAuthentication(
                            owner.email(),
                            List.of(new SimpleGrantedAuthority(owner.role().authority()))))
                    .orElseThrow(() -> new BadCredentialsException("The API token is invalid or revoked"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ApiTokenAuthentication.class.isAssignableFrom(authentication);
        }
    }
}
