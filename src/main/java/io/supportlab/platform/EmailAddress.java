package io.supportlab.platform;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address in the one form SupportLab stores and compares addresses in: trimmed, lower case,
 * and an international domain in its ASCII form ({@code bücher.example} becomes {@code
 * xn--bcher-kva.example}), which every mail server accepts. Two spellings of one address are equal
 * values, so code that holds an {@code EmailAddress} cannot look a person up under the wrong form.
 * Database columns keep the text ({@link #value()}).
 *
 * <p>Being an {@code EmailAddress} says nothing about whether we may write to it (a staff sign-in
 * name need not be deliverable): that is {@link #problem(String)}, the one rule for addresses
 * SupportLab will write to: a plain {@code local@domain} address at a domain on the internet.
 * Everything the standards allow but that cannot or should not receive our mail is refused: address
 * literals ({@code x@[127.0.0.1]}) and bare IP addresses (they would make the mail server connect
 * wherever the sender says), local host names ({@code localhost}, a name without a dot, {@code
 * .localhost}, {@code .invalid}), quoted local parts and comments, and the {@code %} and {@code !}
 * of old relay routing.
 *
 * @param value the address in its stored form
 */
public record EmailAddress(String value) {

    /** The longest address SMTP carries (RFC 5321: a 256-octet path minus the angle brackets). */
    public static final int MAX_LENGTH = 254;

    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 253;
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9#$&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9#$&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

    /** Why an address was refused; {@link #message()} completes "the field ...". */
    public enum Problem {
        MALFORMED("must be an email address like name@example.com"),
        TOO_LONG("must be at most " + MAX_LENGTH + " characters"),
        IP_ADDRESS("must be an address at a mail domain, not at an IP address"),
        LOCAL_NAME("must be an address at an internet domain, not at a local host name");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** {@code value} in the stored form, however it was typed. */
    public EmailAddress {
        value = normalize(value);
    }

    /** {@code address} as typed (spaces, capitals, a Unicode domain), in the stored form. */
    public static EmailAddress of(String address) {
        return new EmailAddress(address);
    }

    /** Whether {@code address}, however typed, is this address. */
    public boolean matches(String address) {
        return value.equals(normalize(address));
    }

    @Override
    public String toString() {
        return value;
    }

    /** What is wrong with {@code address} (surrounding spaces ignored), or empty when we can write to it. */
    public static Optional<Problem> problem(String address) {
        String text = address.strip();
        if (text.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            return Optional.of(Problem.MALFORMED);
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (domain.startsWith("[")) {
            return Optional.of(Problem.IP_ADDRESS);
        }
        if (local.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(local).matches()) {
            return Optional.of(Problem.MALFORMED);
        }
        return domainProblem(domain);
    }

    public static boolean isDeliverable(String address) {
        return problem(address).isEmpty();
    }

    private static String normalize(String address) {
        String text = address.strip().toLowerCase(Locale.ROOT);
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        try {
            return text.substring(0, at + 1)
                    + IDN.toASCII(text.substring(at + 1)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Optional<Problem> domainProblem(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.of(Problem.MALFORMED);
        }
        if (ascii.length() > MAX_DOMAIN) {
            return Optional.of(Problem.MALFORMED);
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of(Problem.MALFORMED);
            }
        }
        String top = labels[labels.length - 1];
        if (!HAS_LETTER.matcher(top).matches()) {
            return Optional.of(Problem.IP_ADDRESS); // 127.0.0.1, or any name ending in digits only
        }
        if (labels.length < 2 || top.equals("localhost") || top.equals("invalid")) {
            return Optional.of(Problem.LOCAL_NAME);
        }
        return Optional.empty();
    }
}
