package io.supportlab.accounts;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import io.supportlab.platform.problems.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a staff password must be: at least 12 characters, at most what bcrypt reads (72 bytes), and
 * hard to guess by zxcvbn's estimate (score 3 of 4: about 10^8 guesses or more), with the person's
 * own email address and name counted as easy guesses. A rejection says why in the estimator's words.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt uses the first 72 bytes and Spring Security refuses longer passwords outright. */
    static final int MAX_BYTES = 72;

    static final int MIN_SCORE = 3;

    private final Zxcvbn estimator = new Zxcvbn();

    /** Why {@code password} is not good enough for the person with {@code email} and {@code name}; empty when it is. */
    Optional<String> weakness(String password, String email, String name) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes long (" + MAX_BYTES
                    + " plain letters and digits; accented letters and symbols take 2 to 4 bytes each)");
        }
        Strength strength = estimator.measure(password, personalWords(email, name));
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        return Optional.of(advice(strength.getFeedback()));
    }

    /** Throws a 400 naming {@code field} when {@code password} is not good enough. */
    void check(String field, String password, String email, String name) {
        weakness(password, email, name).ifPresent(reason -> {
            throw new InvalidRequestException(field, reason);
        });
    }

    private static String advice(Feedback feedback) {
        List<String> parts = new ArrayList<>();
        parts.add("is too easy to guess.");
        String warning = feedback.getWarning(Locale.ENGLISH);
        if (warning != null && !warning.isBlank()) {
            parts.add(warning);
        }
        List<String> suggestions = feedback.getSuggestions(Locale.ENGLISH);
        if (suggestions == null || suggestions.isEmpty()) {
            parts.add("Add another word or two. Uncommon words are better.");
        } else {
            parts.addAll(suggestions);
        }
        return String.join(" ", parts);
    }

    /** The address, its parts and the name's words: the first things anyone tries. */
    private static List<String> personalWords(String email, String name) {
        Set<String> words = new LinkedHashSet<>();
        words.add("supportlab");
        for (String text : List.of(email, name)) {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            if (!lower.isEmpty()) {
                words.add(lower);
            }
            int at = lower.indexOf('@');
            if (at > 0) {
                words.add(lower.substring(0, at));
            }
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() > 2) {
                    words.add(part);
                }
            }
        }
        return List.copyOf(words);
    }
}
