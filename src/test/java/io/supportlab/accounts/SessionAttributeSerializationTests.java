package io.supportlab.accounts;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.web.Shell;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/** How shared sessions (PostgreSQL) store their attributes: Java serialization that forgives. */
class SessionAttributeSerializationTests {

    private final SharedSessions.SessionAttributeSerialization conversion = conversion();

    private static SharedSessions.SessionAttributeSerialization conversion() {
        var conversion = new SharedSessions.SessionAttributeSerialization();
        conversion.setBeanClassLoader(SessionAttributeSerializationTests.class.getClassLoader());
        return conversion;
    }

    private byte[] write(Object attribute) {
        byte[] bytes = conversion.convert(attribute, byte[].class);
        assertThat(bytes).isNotNull();
        return bytes;
    }

    @Test
    void anAttributeReadsBackEqual() {
        Shell.Flash flash = Shell.Flash.success("Saved");
        Instant endsAt = Instant.parse("2026-01-02T03:04:05Z");

        assertThat(conversion.convert(write(flash), Object.class)).isEqualTo(flash);
        assertThat(conversion.convert(write(endsAt), Object.class)).isEqualTo(endsAt);
    }

    @Test
    void anAttributeThatNoLongerDeserializesReadsAsAbsent() {
        byte[] bytes = write(Shell.Flash.success("Saved"));
        // What an upgrade that renamed the class would leave in the table: a class nobody knows.
        String text = new String(bytes, ISO_8859_1)
                .replace("io.supportlab.platform.web.Shell$Flash", "io.supportlab.platform.web.Shell$Gone!");

        assertThat(conversion.convert(text.getBytes(ISO_8859_1), Object.class)).isNull();
        assertThat(conversion.convert(new byte[] {1, 2, 3}, Object.class)).isNull();
    }

    /**
     * A security context is deserialized once per instance for the same bytes (a staff page request
     * reads it every time), but each read gets a holder of its own: a logout empties its holder.
     */
    @Test
    void aSecurityContextIsDeserializedOnceForTheSameBytesInAHolderOfItsOwnPerRead() {
        byte[] bytes = write(signedIn("ann@example.com"));

        SecurityContext first = readContext(bytes);
        SecurityContext second = readContext(bytes.clone());
        assertThat(second.getAuthentication()).isSameAs(first.getAuthentication());
        assertThat(second).isNotSameAs(first);

        first.setAuthentication(null);
        assertThat(readContext(bytes).getAuthentication())
                .extracting(Authentication::getName)
                .isEqualTo("ann@example.com");
    }

    @Test
    void changedBytesAreDeserializedAfresh() {
        readContext(write(signedIn("ann@example.com")));

        assertThat(readContext(write(signedIn("bea@example.com"))).getAuthentication())
                .extracting(Authentication::getName)
                .isEqualTo("bea@example.com");
    }

    @Test
    void otherAttributesAreDeserializedOnEveryRead() {
        byte[] bytes = write(Shell.Flash.success("Saved"));

        assertThat(conversion.convert(bytes, Object.class)).isNotSameAs(conversion.convert(bytes, Object.class));
    }

    private SecurityContext readContext(byte[] bytes) {
        Object read = conversion.convert(bytes, Object.class);
        assertThat(read).isInstanceOf(SecurityContext.class);
        return (SecurityContext) Objects.requireNonNull(read);
    }

    private static SecurityContext signedIn(String name) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                name, null, List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));
    }
}
