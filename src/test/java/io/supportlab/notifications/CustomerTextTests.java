package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What customers wrote is shown in emails with every link and domain defanged, so nothing is clickable. */
class CustomerTextTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Verify at http://phish.example now | Verify at hxxp://phish[.]example now",
                "https://phish.example/login?next=/a.b | hxxps://phish[.]example/login?next=/a.b",
                "HTTPS://Phish.Example | hxxps://Phish[.]Example",
                "ftp://files.example.org/x | fxp://files[.]example[.]org/x",
                "go to www.phish.example | go to www[.]phish[.]example",
                "mail me: thief@phish.example | mail me: thief@phish[.]example",
                "bare phish.example/login here | bare phish[.]example/login here",
                "sub.domain.co.uk. | sub[.]domain[.]co[.]uk.",
                "http://192.168.1.10:8080/admin | hxxp://192[.]168[.]1[.]10:8080/admin",
                "раураl.com (Cyrillic) | раураl[.]com (Cyrillic)",
                "phish。example with an ideographic dot | phish[.]example with an ideographic dot",
                "javascript://x.y%0Aalert(1) | javascript[:]//x[.]y%0Aalert(1)",
                "punycode xn--80ak6aa92e.com | punycode xn--80ak6aa92e[.]com",
            })
    void defangsLinksAndDomains(String written, String shown) {
        assertThat(CustomerText.defang(written)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "The printer is broken. Again.",
                "Version 1.2.3 fails, e.g. on Monday",
                "Costs 3.50 EUR; see page 4.2",
                "Ends with a dot.",
                "<script>alert(1)</script>",
            })
    void leavesOrdinaryTextAlone(String written) {
        assertThat(CustomerText.defang(written)).isEqualTo(written);
    }

    @org.junit.jupiter.api.Test
    void quotesEveryLineForThePlainTextPart() {
        assertThat(CustomerText.quote("First line\nsee www.x.example\n\nlast"))
                .isEqualTo("> First line\n> see www[.]x[.]example\n>\n> last");
    }
}
