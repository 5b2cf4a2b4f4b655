package io.supportlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The password rules on their own. */
class PasswordPolicyTests {

    static final String EMAIL = "maria.gonzalez@example.com";
    static final String NAME = "Maria Gonzalez";

    PasswordPolicy policy = new PasswordPolicy();

    @Test
    void rejectsTenSpacesAsTooShort() {
        assertThat(policy.weakness(" ".repeat(10), EMAIL, NAME)).contains("must have at least 12 characters");
    }

    @Test
    void rejectsTenLettersAsTooShort() {
        assertThat(policy.weakness("aaaaaaaaaa", EMAIL, NAME)).contains("must have at least 12 characters");
    }

    @Test
    void rejectsTwelveSpacesWithTheEstimatorsWarning() {
        assertThat(policy.weakness(" ".repeat(12), EMAIL, NAME))
                .hasValueSatisfying(
                        m -> assertThat(m).startsWith("is too easy to guess.").contains("Repeats like"));
    }

    @Test
    void rejectsACommonPasswordSayingSo() {
        assertThat(policy.weakness("Password123!", EMAIL, NAME))
                .hasValueSatisfying(m -> assertThat(m).contains("This is similar to a commonly used password."));
    }

    @Test
    void rejectsThePersonsOwnAddressThatWouldPassForSomeoneElse() {
        assertThat(policy.weakness("maria.gonzalez", "someone@example.com", "Someone"))
                .isEmpty();
        assertThat(policy.weakness("maria.gonzalez", EMAIL, NAME))
                .hasValueSatisfying(m -> assertThat(m).startsWith("is too easy to guess."));
    }

    @Test
    void rejectsMoreThanBcryptReads() {
        assertThat(policy.weakness("ä".repeat(40), EMAIL, NAME))
                .hasValueSatisfying(m -> assertThat(m).startsWith("must be at most 72 bytes long"));
    }

    @Test
    void acceptsSeveralUncommonWords() {
        assertThat(policy.weakness("kestrel-quiet-harbor-41", EMAIL, NAME)).isEmpty();
    }

    @Test
    void generatedPasswordsAreStrongAndDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String generated = FirstAdmin.generatePassword();
            assertThat(policy.weakness(generated, "admin@supportlab.local", "Administrator"))
                    .as(generated)
                    .isEmpty();
            seen.add(generated);
        }
        assertThat(seen).hasSize(200);
    }
}
