package io.supportlab.accounts;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.web.Shell;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
