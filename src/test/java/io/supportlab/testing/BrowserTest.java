package io.supportlab.testing;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the running application in headless Chromium. Skipped with a message when Chromium is
 * not installed, and an error when {@code CI=true}.
 */
@ExtendWith(ChromiumCondition.class)
public abstract class BrowserTest extends IntegrationTest {

    protected WebDriver browser;

    @BeforeEach
    void freshBrowser() {
        browser = Browser.driver();
        browser.get(baseUrl() + "/login");
        browser.manage().deleteAllCookies();
    }

    protected void open(String path) {
        browser.get(baseUrl() + path);
    }

    protected WebDriverWait waitUpTo(int seconds) {
        // Live updates replace parts of the page while a test looks at them.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Waits until the element shows {@code text}, across page loads (a submitted form reloads the page). */
    protected void waitForText(By locator, String text) {
        waitUpTo(10).until(d -> d.findElement(locator).getText().contains(text));
    }

    protected void logInAs(String email, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
