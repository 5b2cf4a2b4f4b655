package io.supportlab.macros;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A canned reply: a body with placeholders that {@link MacroBody} fills in for a ticket and an agent,
 * and the actions applied with it.
 *
 * @param owner the staff email a personal macro belongs to; null for a shared one
 * @param usageCount how many times it was applied (a preview does not count)
 * @param createdBy who wrote it (for a shared macro, an admin)
 */
public record Macro(
        String id,
        String title,
        String body,
        MacroVisibility visibility,
        @Nullable String owner,
        MacroActions actions,
        int usageCount,
        @Nullable Instant lastUsedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Macro {
        if ((visibility == MacroVisibility.SHARED) != (owner == null)) {
            throw new IllegalArgumentException("A shared macro has no owner, a personal one has one");
        }
    }

    public boolean shared() {
        return visibility == MacroVisibility.SHARED;
    }

    /** Whether {@code agent} may use it: everyone a shared one, only its owner a personal one. */
    boolean visibleTo(Agent agent) {
        return shared() || agent.owns(this);
    }

    /** Whether {@code agent} may change or delete it: admins the shared ones, the owner a personal one. */
    public boolean editableBy(Agent agent) {
        return shared() ? agent.admin() : agent.owns(this);
    }
}
