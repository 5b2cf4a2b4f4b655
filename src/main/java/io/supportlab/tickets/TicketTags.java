package io.supportlab.tickets;

import io.supportlab.platform.problems.FieldError;
import io.supportlab.platform.problems.InvalidRequestException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The labels staff put on a ticket to find it again ({@code billing}, {@code vip}, {@code
 * release-2.4}): a sorted set of at most {@value #MAX_PER_TICKET} tags, each at most {@value
 * #MAX_LENGTH} letters, digits, {@code -}, {@code _} or {@code .}, trimmed and lower-cased so that
 * {@code Billing} and {@code billing } are one tag.
 *
 * <p>A space inside a tag is refused, not taken as a separator: the API already separates tags (an
 * array) and the page adds one at a time, so a space means the caller wrote a phrase, and splitting
 * {@code "high priority"} into {@code high} and {@code priority} would file the ticket under two
 * tags nobody chose. The answer says to join the words with {@code -} or {@code _}.
 *
 * @param values the tags, normalised, distinct and sorted
 */
public record TicketTags(List<String> values) {

    public static final int MAX_LENGTH = 50;
    public static final int MAX_PER_TICKET = 20;

    static final TicketTags NONE = new TicketTags(List.of());

    private static final String BLANK = "must not be blank";

    /** Letters (with their combining marks, for scripts that need them), digits and three joiners. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}._-]+");

    /** Longer lists are refused as a whole, before looking at each item. */
    private static final int MAX_LISTED = 5 * MAX_PER_TICKET;

    public TicketTags {
        values = List.copyOf(new TreeSet<>(values));
    }

    /**
     * The tags a caller sent, checked and normalised; every bad one is reported with its position
     * ({@code tags[2]}), too many as {@code tags}.
     *
     * @throws InvalidRequestException naming each bad item and the reason
     */
    static TicketTags of(List<@Nullable String> raw) {
        if (raw.size() > MAX_LISTED) {
            throw tooMany();
        }
        List<FieldError> errors = new ArrayList<>();
        TreeSet<String> tags = new TreeSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String item = raw.get(i);
            String problem = item == null ? BLANK : problem(item);
            if (problem != null) {
                errors.add(new FieldError("tags[" + i + "]", problem));
            } else if (item != null) {
                tags.add(normalise(item));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (tags.size() > MAX_PER_TICKET) {
            throw tooMany();
        }
        return new TicketTags(List.copyOf(tags));
    }

    /** Tags as the database keeps them, separated by spaces (no tag holds one); null for none. */
    static TicketTags stored(@Nullable String joined) {
        if (joined == null || joined.isBlank()) {
            return NONE;
        }
        return new TicketTags(Arrays.asList(joined.strip().split(" +")));
    }

    /**
     * One tag a caller sent, normalised.
     *
     * @param field how the caller named it, for the error
     * @throws InvalidRequestException when it is not a tag
     */
    static String tag(@Nullable String raw, String field) {
        if (raw == null) {
            throw new InvalidRequestException(field, BLANK);
        }
        String problem = problem(raw);
        if (problem != null) {
            throw new InvalidRequestException(field, problem);
        }
        return normalise(raw);
    }

    /**
     * A prefix of tags as a caller typed it, normalised; blank for every tag.
     *
     * @throws InvalidRequestException when no tag can start with it
     */
    static String prefix(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        return tag(raw, field);
    }

    /** These tags and {@code tag} (already normalised); at most {@value #MAX_PER_TICKET}. */
    TicketTags with(String tag) {
        if (values.contains(tag)) {
            return this;
        }
        if (values.size() >= MAX_PER_TICKET) {
            throw new InvalidRequestException(
                    "tag", "a ticket has at most " + MAX_PER_TICKET + " tags; remove one first");
        }
        List<String> more = new ArrayList<>(values);
        more.add(tag);
        return new TicketTags(more);
    }

    /** These tags without {@code tag}. */
    TicketTags without(String tag) {
        return new TicketTags(values.stream().filter(t -> !t.equals(tag)).toList());
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The tags as the timeline shows a change of them ({@code billing, vip}); null for none. */
    @Nullable
    String shown() {
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /** The smallest string after every string that starts with {@code prefix} (for an index range). */
    static String after(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last))
                + new String(Character.toChars(last + 1));
    }

    private static @Nullable String problem(String raw) {
        if (raw.isBlank()) {
            return BLANK;
        }
        String tag = normalise(raw);
        if (tag.codePoints().anyMatch(Character::isWhitespace)) {
            return "must not contain spaces; join words with - or _";
        }
        if (!ALLOWED.matcher(tag).matches()) {
            return "may only contain letters, digits, '-', '_' and '.'";
        }
        if (tag.codePointCount(0, tag.length()) > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        return null;
    }

    private static String normalise(String raw) {
        return Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static InvalidRequestException tooMany() {
        return new InvalidRequestException("tags", "a ticket has at most " + MAX_PER_TICKET + " tags");
    }
}
