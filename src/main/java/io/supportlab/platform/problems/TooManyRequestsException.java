package io.supportlab.platform.problems;

import io.supportlab.platform.web.Format;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client went over a rate limit: 429 {@code /problems/too-many-requests} naming the limit, with
 * {@code Retry-After} in whole seconds (at least 1). Nothing of the refused request is done.
 */
public class TooManyRequestsException extends ErrorResponseException {

    /**
     * @param limit the name of the limit, as in {@code supportlab.rate-limits.<name>}
     * @param what what was refused, e.g. {@code Too many events from your address}; the limit's name
     *     and how long to wait are added
     */
    public TooManyRequestsException(String limit, Duration wait, String what) {
        this(limit, seconds(wait), what);
    }

    private TooManyRequestsException(String limit, long seconds, String what) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(limit, seconds, what), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static ProblemDetail problem(String limit, long seconds, String what) {
        ProblemDetail problem = Problems.tooManyRequests(what + "; try again in " + Format.waitTime(seconds), seconds);
        problem.setProperty("limit", limit);
        return problem;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
