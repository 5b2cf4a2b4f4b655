package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for addresses SupportLab writes to. */
class EmailAddressTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dana@example.com",
                "Dana.O'Neil+help@mail.example.co.uk",
                "  padded@example.com  ",
                "x@b.io",
                "kunde@bücher.example",
                "first_last-1#tag@sub-domain.example.museum"
            })
    void acceptsAddressesAtInternetDomains(String address) {
        assertThat(EmailAddress.problem(address)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "x@[127.0.0.1]              | IP_ADDRESS",
                "x@[IPv6:::1]               | IP_ADDRESS",
                "x@127.0.0.1                | IP_ADDRESS",
                "x@10.0.0.300               | IP_ADDRESS",
                "x@localhost                | LOCAL_NAME",
                "x@mailserver               | LOCAL_NAME",
                "x@printer.localhost        | LOCAL_NAME",
                "x@nothing.invalid          | LOCAL_NAME",
                "\"x y\"@example.com        | MALFORMED",
                "x(comment)@example.com     | MALFORMED",
                "user%host@relay.example    | MALFORMED",
                "bang!path@example.com      | MALFORMED",
                "a@b@example.com            | MALFORMED",
                ".dot@example.com           | MALFORMED",
                "two..dots@example.com      | MALFORMED",
                "x@-dash.example            | MALFORMED",
                "x@example..com             | MALFORMED",
                "x@example.com.             | MALFORMED",
                "x@exam_ple.com             | MALFORMED",
                "no-at-sign                 | MALFORMED",
                "@example.com               | MALFORMED",
                "x@                         | MALFORMED",
                "ünïcode@example.com        | MALFORMED"
            })
    void refusesWhatCannotOrShouldNotReceiveMail(String address, EmailAddress.Problem problem) {
        assertThat(EmailAddress.problem(address)).contains(problem);
    }

    @Test
    void refusesOverlongParts() {
        assertThat(EmailAddress.problem("a".repeat(65) + "@example.com")).contains(EmailAddress.Problem.MALFORMED);
        assertThat(EmailAddress.problem("a@" + "b".repeat(64) + ".example")).contains(EmailAddress.Problem.MALFORMED);
        String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".io";
        assertThat(longest).hasSize(254);
        assertThat(EmailAddress.problem(longest)).isEmpty();
        assertThat(EmailAddress.problem("a" + longest)).contains(EmailAddress.Problem.TOO_LONG);
    }

    @ParameterizedTest
    @CsvSource({"' Dana@Example.COM ', dana@example.com", "kunde@Bücher.example, kunde@xn--bcher-kva.example"})
    void normalizesToLowerCaseAndAsciiDomains(String given, String stored) {
        assertThat(EmailAddress.of(given).value()).isEqualTo(stored);
    }

    @Test
    void spellingsOfOneAddressAreOneValue() {
        EmailAddress address = EmailAddress.of(" Kunde@Bücher.EXAMPLE");
        assertThat(address)
                .isEqualTo(new EmailAddress("kunde@xn--bcher-kva.example"))
                .hasSameHashCodeAs(EmailAddress.of("KUNDE@bücher.example"))
                .hasToString("kunde@xn--bcher-kva.example");
        assertThat(address.matches("kunde@BÜCHER.example ")).isTrue();
        assertThat(address.matches("kunde2@bücher.example")).isFalse();
        assertThat(address).isNotEqualTo(EmailAddress.of("kunde@buecher.example"));
    }
}
