package io.supportlab.accounts;

import io.supportlab.platform.problems.DatabaseFailures;
import io.supportlab.platform.problems.ProblemResponseWriter;
import io.supportlab.platform.problems.ProblemTypes;
import io.supportlab.platform.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 for the API as problem+json, so API clients get the same error shape everywhere. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    /**
     * A Basic challenge makes browsers prompt for a password and then attach it to every request,
     * including ones other sites' pages make; nobody is ever prompted for a bearer token. Scripts
     * send HTTP Basic unasked, as {@code curl -u} does.
     */
    static final String CHALLENGE = "Bearer realm=\"SupportLab\"";

    private final ProblemResponseWriter writer;

    ProblemSecurityHandlers(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (ex instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            writer.write(
                    request,
                    response,
                    Problems.tooManyRequests(
                            ThrottledAuthenticationProvider.message(throttled), throttled.retryAfterSeconds()));
            return;
        }
        if (ex instanceof InternalAuthenticationServiceException && DatabaseFailures.isUnavailable(ex)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseFailures.RETRY_AFTER_SECONDS));
            writer.write(request, response, DatabaseFailures.problem());
            return;
        }
        String detail = switch (ex) {
            case DisabledException disabled -> "This account is deactivated";
            case BadCredentialsException bad
            when bad.getMessage() != null && bad.getMessage().contains("token") -> bad.getMessage();
            case BadCredentialsException bad -> "Wrong email or password";
            default ->
                "Authentication required: use an API token (Authorization: Bearer slt_...) or HTTP Basic "
                        + "(email and password)";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(ProblemTypes.UNAUTHORIZED);
        problem.setTitle("Unauthorized");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        writer.write(request, response, problem);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this request");
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Forbidden");
        writer.write(request, response, problem);
    }
}
