package io.supportlab.platform.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers errors that happen outside a controller (unknown path, wrong method, oversized body,
 * failures in filters): problem+json for API clients, a friendly page for browsers.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ErrorAttributes errorAttributes;

    ErrorPageController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        ProblemDetail problem = problem(request);
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        String message = switch (status) {
            case SERVICE_UNAVAILABLE -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
                yield "We cannot reach our database right now. Please try again in a few seconds.";
            }
            case NOT_FOUND ->
                "The link may be mistyped, or the page has moved. Search our answers, or go back to the start.";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side. Please try again in a moment."
                        : problem.getDetail();
        };
        var page = new ModelAndView(
                "platform/error",
                Map.of(
                        "status",
                        status.value(),
                        "title",
                        status == HttpStatus.NOT_FOUND ? "We could not find that page" : status.getReasonPhrase(),
                        "message",
                        String.valueOf(message)));
        page.setStatus(status);
        return page;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> api(HttpServletRequest request) {
        ProblemDetail problem = problem(request);
        HttpHeaders headers = new HttpHeaders();
        if (errorAttributes.getError(new ServletWebRequest(request)) instanceof ErrorResponse response) {
            headers.addAll(response.getHeaders());
        }
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
        }
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ProblemDetail problem(HttpServletRequest request) {
        ServletWebRequest webRequest = new ServletWebRequest(request);
        Throwable error = errorAttributes.getError(webRequest);
        HttpStatus status = status(request);
        String path = originalPath(request);
        ProblemDetail problem = switch (error) {
            case NoResourceFoundException notFound -> notFound(request, path);
            case ErrorResponse response -> response.getBody();
            case null -> fromStatus(status, request, path);
            case Throwable down when DatabaseFailures.isUnavailable(down) -> DatabaseFailures.problem();
            case Throwable bad when causedBy(bad, InvalidParameterException.class) -> UnreadableBody.badParameters();
            default ->
                status.is5xxServerError()
                        ? ApiExceptionHandler.internalError(error, webRequest)
                        : ProblemDetail.forStatusAndDetail(status, status.getReasonPhrase());
        };
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(path));
        }
        return problem;
    }

    private static ProblemDetail fromStatus(HttpStatus status, HttpServletRequest request, String path) {
        if (status == HttpStatus.NOT_FOUND) {
            return notFound(request, path);
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = message instanceof String text && !text.isBlank() ? text : status.getReasonPhrase();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
            problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
        } else if (status == HttpStatus.TOO_MANY_REQUESTS) {
            problem.setType(ProblemTypes.TOO_MANY_REQUESTS);
            problem.setTitle("Too many requests");
        }
        return problem;
    }

    private static ProblemDetail notFound(HttpServletRequest request, String path) {
        Object method = request.getAttribute("jakarta.servlet.error.method");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "Nothing at " + (method == null ? "" : method + " ") + Problems.abbreviate(path, 200));
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String originalPath(HttpServletRequest request) {
        @Nullable Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String text ? text : request.getRequestURI();
    }
}
