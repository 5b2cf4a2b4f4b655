package io.supportlab.accounts;

import io.supportlab.platform.EmailAddress;
import io.supportlab.platform.SupportLabProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Customers have no password: a signed link sent to their email address proves they own it, and
 * then lets them see and answer their own tickets (pages) or call the API as a bearer token.
 */
@Service
public class CustomerAccess {

    /** @param linkValidity how long an emailed access link works ({@code SUPPORTLAB_CUSTOMER_LINK_VALIDITY}) */
    @ConfigurationProperties("supportlab.customer")
    record Settings(@DefaultValue("7d") Duration linkValidity) {}

    private final SignedTokens tokens;
    private final SupportLabProperties properties;
    private final Settings settings;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    CustomerAccess(SignedTokens tokens, SupportLabProperties properties, Settings settings, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    /** The link that signs the owner of {@code email} in to their tickets. */
    public URI accessLink(String email) {
        return UriComponentsBuilder.fromUri(properties.baseUrl())
                .path("/my/access")
                .queryParam("token", token(email))
                .build()
                .toUri();
    }

    public String token(String email) {
        return tokens.issue(
                EmailAddress.of(email).value(), SignedTokens.Purpose.CUSTOMER_ACCESS, settings.linkValidity());
    }

    public Duration linkValidity() {
        return settings.linkValidity();
    }

    /** The email address a valid access token was issued for. */
    public Optional<String> verify(String token) {
        return tokens.verify(token, SignedTokens.Purpose.CUSTOMER_ACCESS);
    }

    /**
     * Starts a customer session from a valid access token (a new session id, against fixation) and
     * answers whose it is. The session ends when the link would expire, or earlier when idle ({@link
     * CustomerSessionExpiry}): a link that no longer works leaves nobody signed in with it.
     */
    public Optional<String> signIn(String token, HttpServletRequest request, HttpServletResponse response) {
        Optional<SignedTokens.Claims> link = tokens.claims(token, SignedTokens.Purpose.CUSTOMER_ACCESS);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        String email = link.get().subject();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                email, null, List.of(new SimpleGrantedAuthority(Caller.CUSTOMER_ROLE)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contexts.saveContext(context, request, response);
        CustomerSessionExpiry.endSessionAt(request.getSession(), link.get().expiresAt(), clock);
        return Optional.of(email);
    }
}
