package io.supportlab.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTests {

    final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aClientThatWentAwayMidResponseIsNotWarnedAbout(CapturedOutput output) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setCommitted(true);
        var gone = new HttpMessageNotWritableException("Could not write JSON", new IOException("Broken pipe"));

        ResponseEntity<Object> answer = handler.handleException(gone, request(response));

        assertThat(answer).isNull();
        assertThat(output).doesNotContain("Response already committed").doesNotContain("Broken pipe");
    }

    @Test
    void anyOtherFailureToWriteIsStillAnInternalError() throws Exception {
        var broken = new HttpMessageNotWritableException("Could not write JSON", new IllegalStateException("bad"));

        ResponseEntity<Object> answer = handler.handleException(broken, request(new MockHttpServletResponse()));

        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ServletWebRequest request(MockHttpServletResponse response) {
        return new ServletWebRequest(new MockHttpServletRequest("GET", "/api/faqs"), response);
    }
}
