package io.supportlab.platform.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 403 decided by a feature rather than by the URL rules: the caller may use the endpoint, but not
 * on this resource (an agent changing a macro that only admins keep, say). Shaped like the 403 the
 * security configuration answers.
 */
public class ForbiddenException extends ErrorResponseException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Forbidden");
        return problem;
    }
}
