package io.supportlab.platform.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public endpoints that are rate limited, by group. Each group has its own limit in {@code
 * supportlab.rate-limits.<group>}; the paths are those SecurityConfiguration opens to anyone.
 */
public enum RateLimitGroup {
    TICKET_CREATION("ticket-creation", "POST", Pattern.compile("/api/tickets|/help/tickets")),
    SEARCH("search", "GET", Pattern.compile("/api/faqs/suggestions|/help/search|/help/suggestions")),
    TRACKING("tracking", "POST", Pattern.compile("/api/ab-tests/[^/]+/(assign|events)|/api/ab/assign|/api/ab/events")),
    /**
     * Events stored per client address, whatever the number of requests they came in (a batch
     * holds up to 1000). Counted by the event service, not by path.
     */
    TRACKED_EVENTS("tracked-events", "NONE", Pattern.compile("(?!)")),
    /** Bytes of stored events per client address: what tracking adds to the database. */
    TRACKED_EVENT_BYTES("tracked-event-bytes", "NONE", Pattern.compile("(?!)")),
    ACCESS_LINKS("access-links", "POST", Pattern.compile("/api/access-links|/my/link")),
    /**
     * Access-link emails per recipient address, whoever asks: keeps many clients from flooding one
     * inbox. Counted by the ticket service, not by path (the pattern matches nothing).
     */
    ACCESS_LINK_EMAILS("access-link-emails", "NONE", Pattern.compile("(?!)")),
    /**
     * Public tickets (API or help-center form) naming one contact address, whoever sends them:
     * beyond the limit they are filed but flagged as spam. Counted by the ticket module.
     */
    CONTACT_TICKETS("contact-tickets", "NONE", Pattern.compile("(?!)")),
    /**
     * Ticket confirmation emails per recipient address, whoever files the tickets: keeps the public
     * API from mailing one inbox again and again. Counted by the notification outbox.
     */
    CONFIRMATION_EMAILS("confirmation-emails", "NONE", Pattern.compile("(?!)"));

    private final String property;
    private final String method;
    private final Pattern paths;

    RateLimitGroup(String property, String method, Pattern paths) {
        this.property = property;
        this.method = method;
        this.paths = paths;
    }

    /** The group's name in {@code supportlab.rate-limits.<name>}. */
    public String property() {
        return property;
    }

    /** The group a request falls into, if any. FAQ listing counts as search only with a query. */
    static Optional<RateLimitGroup> of(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (method.equals("GET") && path.equals("/api/faqs") && request.getParameter("search") != null) {
            return Optional.of(SEARCH);
        }
        return of(method, path);
    }

    /** The group of {@code method path} (a concrete path), if any; the FAQ search case aside. */
    public static Optional<RateLimitGroup> of(String method, String path) {
        for (RateLimitGroup group : values()) { // groups counted elsewhere never match a method
            if (group.method.equals(method) && group.paths.matcher(path).matches()) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
