package io.supportlab.notifications;

import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a customer wrote (a ticket's title and description), as our emails show it: quoted, with
 * every link and domain name defanged ({@code hxxps://phish[.]example}) so that no mail client
 * turns it into a link. Anyone may file a ticket for any address, so without this our confirmation
 * email would carry a stranger's "verify your account at ..." link from our own domain.
 *
 * <p>Defanging is the convention security teams use to quote hostile links (CERT advisories, MISP,
 * URL scanners): it stays readable, and it is visible. Zero-width characters would hide the change,
 * leave a link that looks intact when copied, and are themselves a spam signal. Staff-written text
 * (replies, notes) is shown as written.
 */
public final class CustomerText {

    /** The dots browsers accept in host names: full stop, ideographic, fullwidth and halfwidth. */
    private static final String DOT = "[.\u3002\uFF0E\uFF61]";

    private static final String DEFANGED_DOT = "[.]";

    /** A URL's scheme and authority; the path is left to {@link #DOMAIN}. */
    private static final Pattern SCHEME_AND_HOST =
            Pattern.compile("(?<![\\p{L}\\p{N}])([a-zA-Z][a-zA-Z0-9+.-]*)://([^\\s/?#<>\"']*)");

    /**
     * A host name: labels of letters (any script), digits, marks and hyphens, ending in a
     * top-level domain of letters or an IDN ({@code xn--}). Zero-width characters inside a label
     * do not hide it. Numbers ({@code 1.2.3}) and abbreviations ({@code e.g.}) do not match.
     */
    private static final Pattern DOMAIN =
            Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}\\p{Cf}-])(?:[\\p{L}\\p{N}\\p{Cf}][\\p{L}\\p{N}\\p{M}\\p{Cf}-]*"
                    + DOT + ")+(?:\\p{L}[\\p{L}\\p{M}]+|xn--[\\p{L}\\p{N}-]+)(?![\\p{L}\\p{N}\\p{M}\\p{Cf}-])");

    private CustomerText() {}

    /** {@code text} with its URL schemes and domain names defanged; everything else unchanged. */
    public static String defang(String text) {
        String schemesDone = SCHEME_AND_HOST.matcher(text).replaceAll(CustomerText::defangSchemeAndHost);
        return DOMAIN.matcher(schemesDone).replaceAll(m -> Matcher.quoteReplacement(defangDots(m.group())));
    }

    /** Each line defanged and prefixed with {@code >}, as quoted text in a plain-text email. */
    public static String quote(String text) {
        return text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .lines()
                .map(line -> line.isEmpty() ? ">" : "> " + defang(line))
                .collect(Collectors.joining("\n"));
    }

    private static String defangSchemeAndHost(MatchResult m) {
        String scheme = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "http" -> "hxxp://";
            case "https" -> "hxxps://";
            case "ftp" -> "fxp://";
            default -> m.group(1) + "[:]//";
        };
        return Matcher.quoteReplacement(scheme + defangDots(m.group(2)));
    }

    private static String defangDots(String host) {
        return host.replaceAll(DOT, Matcher.quoteReplacement(DEFANGED_DOT));
    }
}
