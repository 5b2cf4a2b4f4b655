package io.supportlab.platform.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 422: the request is well-formed and its fields are valid, but what it asks cannot be done
 * (for example, an event for an experiment that is still a draft).
 */
public class UnprocessableException extends ErrorResponseException {

    public UnprocessableException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(ProblemTypes.UNPROCESSABLE);
        problem.setTitle("Unprocessable request");
        return problem;
    }
}
