package io.supportlab.platform.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 404 for a resource that does not exist or that the caller may not see. */
public class ResourceNotFoundException extends ErrorResponseException {

    public ResourceNotFoundException(String resource, String id) {
        super(HttpStatus.NOT_FOUND, problem(resource, id), null);
    }

    private static ProblemDetail problem(String resource, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No %s with id '%s'".formatted(resource, Problems.abbreviate(id, 80)));
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }
}
