package io.supportlab.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session repository that Spring Session's filter uses on PostgreSQL: Spring Session JDBC's, cut
 * down to one statement (the session's read) for a page request that changes nothing; it was three
 * transactions of two round trips each.
 *
 * <ul>
 *   <li>Spring Session runs every repository call in a transaction of its own (BEGIN, statement,
 *       COMMIT: two round trips). Reading a session, deleting it and saving only its last-access
 *       time are one statement each, atomic without a transaction, so they run without one
 *       ({@link SharedSessions}); a save that writes attributes or a new session (several
 *       statements) still runs in one transaction.
 *   <li>Spring Session's filter saves a session twice per request (when the response is committed
 *       and when the filter ends) and before the second save reads the session again, only to learn
 *       the requested session id (spring-session issues 1424, 1731). Within one request, that read
 *       is answered with the session the request just saved, not from the database. Nothing else
 *       uses the result: whether the requested id was valid is remembered from the first read.
 *   <li>A save that only moved the last-access time sends no UPDATE while the stored time is less
 *       than the write interval behind ({@link TrackedSession#accessWrittenTooLongAgo}).
 * </ul>
 */
final class SharedSessionRepository implements SessionRepository<SharedSessionRepository.TrackedSession> {

    /** The session saved by the request this thread is serving, if any; see {@link OneRequest}. */
    private static final ThreadLocal<Request> REQUEST = new ThreadLocal<>();

    /** Spring Session JDBC's repository; its session type is not public, hence the plain view. */
    private final SessionRepository<Session> sessions;

    private final TransactionOperations transactions;

    @SuppressWarnings("unchecked") // its sessions are all its own JdbcSession: it only gets back what it gave
    SharedSessionRepository(JdbcIndexedSessionRepository sessions, TransactionOperations transactions) {
        this.sessions = (SessionRepository<Session>) (SessionRepository<?>) sessions;
        this.transactions = transactions;
    }

    @Override
    public TrackedSession createSession() {
        return new TrackedSession(sessions.createSession(), true);
    }

    @Override
    public void save(TrackedSession session) {
        if (session.severalStatements) {
            transactions.executeWithoutResult(status -> sessions.save(session.session));
        } else if (session.rowChanged || session.accessWrittenTooLongAgo()) {
            // At most the session row's UPDATE: one statement.
            sessions.save(session.session);
        }
        session.saved();
        Request request = REQUEST.get();
        if (request != null) {
            request.saved = session;
        }
    }

    @Override
    public @Nullable TrackedSession findById(String id) {
        Request request = REQUEST.get();
        TrackedSession saved = request == null ? null : request.saved;
        if (saved != null && saved.getId().equals(id)) {
            return saved;
        }
        Session found = sessions.findById(id);
        return found == null ? null : new TrackedSession(found, false);
    }

    @Override
    public void deleteById(String id) {
        Request request = REQUEST.get();
        if (request != null) {
            request.saved = null;
        }
        // One DELETE; the attributes go with the row (ON DELETE CASCADE).
        sessions.deleteById(id);
    }

    private static final class Request {
        @Nullable
        TrackedSession saved;
    }

    /**
     * Marks the span of one request for {@link #findById}: placed right around Spring Session's
     * filter, so that nothing remembered outlives the request (a thread serves many sessions).
     */
    static final class OneRequest extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            REQUEST.set(new Request());
            try {
                chain.doFilter(request, response);
            } finally {
                REQUEST.remove();
            }
        }
    }

    /** A JDBC session that knows whether saving it takes more than the session row's UPDATE. */
    static final class TrackedSession implements Session {

        private final Session session;
        private boolean severalStatements;
        private boolean rowChanged;
        private Instant storedLastAccess;

        TrackedSession(Session session, boolean isNew) {
            this.session = session;
            this.severalStatements = isNew;
            this.storedLastAccess = session.getLastAccessedTime();
        }

        /**
         * Whether the stored last-access time is behind by as much as {@link
         * SharedSessions#UPDATE_SESSION_WHEN_MOVED} writes for; if not, that UPDATE would match no
         * row, so it is not sent at all (the statement keeps the rule for sessions saved otherwise).
         */
        boolean accessWrittenTooLongAgo() {
            Duration idle = getMaxInactiveInterval();
            Duration every = idle.isNegative() ? Duration.ZERO : SharedSessions.lastAccessWrittenEvery(idle);
            return Duration.between(storedLastAccess, getLastAccessedTime()).compareTo(every) >= 0;
        }

        void saved() {
            severalStatements = false;
            rowChanged = false;
            storedLastAccess = getLastAccessedTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            rowChanged = true;
            return session.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            severalStatements = true;
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            severalStatements = true;
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            rowChanged = true;
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
