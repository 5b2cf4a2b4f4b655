package io.supportlab.platform.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A batch with more items than one call may carry: 413 with {@code max_items}, nothing stored. */
public class BatchTooLargeException extends ErrorResponseException {

    public BatchTooLargeException(String field, int maxItems, int given) {
        super(HttpStatus.CONTENT_TOO_LARGE, problem(field, maxItems, given), null);
    }

    private static ProblemDetail problem(String field, int maxItems, int given) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                field + ": at most " + maxItems + " items per call (got " + given + "); split the batch");
        problem.setType(ProblemTypes.BATCH_TOO_LARGE);
        problem.setTitle("Batch too large");
        problem.setProperty("max_items", maxItems);
        return problem;
    }
}
