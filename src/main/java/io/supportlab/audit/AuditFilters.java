package io.supportlab.audit;

import io.supportlab.platform.problems.InvalidRequestException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Builds an {@link AuditFilter} from request parameters, blank meaning "any". */
final class AuditFilters {

    private static final Pattern ACTION = Pattern.compile("[a-z_]+(\\.[a-z_]+)*\\.?");

    private AuditFilters() {}

    static AuditFilter of(
            @Nullable String actor,
            @Nullable String action,
            @Nullable String target,
            @Nullable String subject,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        String cleanAction = blankToNull(action);
        if (cleanAction != null
                && (cleanAction.length() > 100 || !ACTION.matcher(cleanAction).matches())) {
            throw new InvalidRequestException(
                    "action", "must be an action such as login.failed, or a prefix such as ticket.");
        }
        String cleanActor = blankToNull(actor);
        return new AuditFilter(
                cleanActor == null ? null : cleanActor.toLowerCase(Locale.ROOT),
                cleanAction,
                blankToNull(target),
                blankToNull(subject),
                from,
                to);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
