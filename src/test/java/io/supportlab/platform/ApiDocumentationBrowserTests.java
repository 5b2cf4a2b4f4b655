package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Swagger UI renders the API in Chromium with its Authorize button, and the page logs no errors. */
class ApiDocumentationBrowserTests extends BrowserTest {

    @Test
    void swaggerUiShowsTheApiWithAuthorizeAndNoConsoleErrors() {
        Browser.consoleErrors(); // forget what earlier pages logged
        open("/swagger-ui.html");
        waitUpTo(20).until(d -> d.findElements(By.cssSelector(".opblock")).size() > 20);
        assertThat(browser.findElement(By.cssSelector(".info .title")).getText())
                .contains("SupportLab API");
        assertThat(browser.findElements(By.cssSelector("button.authorize"))).isNotEmpty();
        Browser.screenshot("swagger-ui");
        assertThat(Browser.consoleErrors()).isEmpty();
    }
}
