package io.supportlab.platform.web;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What the shared layout needs on every page: who is looking, the CSRF token for forms and htmx,
 * a one-time flash message, and the current path (to mark the active tab).
 *
 * @param viewer the signed-in staff member, or null on public pages
 */
public record Shell(
        @Nullable Viewer viewer,
        String csrfHeader,
        String csrfParameter,
        String csrfToken,
        @Nullable Flash flash,
        String path) {

    /** Who is signed in, as the layout shows them: staff (agent or admin) or a customer. */
    public record Viewer(String email, boolean staff, boolean admin) {}

    /** A message shown once after a redirect (carried there in the session, hence Serializable). */
    public record Flash(Kind kind, String text) implements Serializable {

        public enum Kind {
            SUCCESS,
            ERROR;

            public String css() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        public static Flash success(String text) {
            return new Flash(Kind.SUCCESS, text);
        }

        public static Flash error(String text) {
            return new Flash(Kind.ERROR, text);
        }
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public boolean isAdmin() {
        return viewer != null && viewer.admin();
    }

    public boolean isStaff() {
        return viewer != null && viewer.staff();
    }

    public boolean isCustomer() {
        return viewer != null && !viewer.staff();
    }

    /** Whether the page lives under {@code prefix}, for marking the active tab. */
    public boolean at(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
