package io.supportlab.platform.problems;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 409: the request is valid, but the resource's current state does not allow it. */
public class ConflictException extends ErrorResponseException {

    public ConflictException(String detail) {
        this(detail, Map.of());
    }

    /**
     * @param properties extra members of the problem, e.g. the allowed transitions or the current
     *     version, so that a client can recover without another request
     */
    public ConflictException(String detail, Map<String, ?> properties) {
        super(HttpStatus.CONFLICT, problem(detail, properties), null);
    }

    private static ProblemDetail problem(String detail, Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(ProblemTypes.CONFLICT);
        problem.setTitle("Conflict");
        properties.forEach(problem::setProperty);
        return problem;
    }
}
