package io.supportlab.platform.problems;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Validation that bean constraints cannot express (rules across fields, lookups), reported with
 * the same shape as a failed {@code @Valid}: a 400 problem with per-field {@code errors}.
 */
public class InvalidRequestException extends ErrorResponseException {

    public InvalidRequestException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, Problems.validation(errors), null);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return Problems.errorsOf(getBody());
    }
}
