package io.supportlab.platform.problems;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises "the database is unreachable" among exceptions, wherever they surface (a controller,
 * a transaction start, an authentication lookup, a page), so that all answer 503 with {@code
 * Retry-After} rather than 500.
 */
public final class DatabaseFailures {

    public static final long RETRY_AFTER_SECONDS = 5;

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable error) {
        return isUnavailable(error, 0);
    }

    private static boolean isUnavailable(Throwable error, int depth) {
        for (Throwable cause = error; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            // A connection that died mid-transaction also fails the rollback; what it hid is the cause.
            if (cause instanceof TransactionSystemException failed
                    && failed.getOriginalException() != null
                    && isUnavailable(failed.getOriginalException(), depth + 1)) {
                return true;
            }
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || connectionState(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P0x (server shutting down, connection killed). */
    private static boolean connectionState(Throwable error) {
        if (error instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P");
        }
        // Hikari's proxy of a connection the server already closed.
        return error instanceof java.sql.SQLException sql && "Connection is closed".equals(sql.getMessage());
    }

    public static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; try again shortly");
        problem.setType(ProblemTypes.UNAVAILABLE);
        problem.setTitle("Service unavailable");
        problem.setProperty("retry_after", RETRY_AFTER_SECONDS);
        return problem;
    }
}
