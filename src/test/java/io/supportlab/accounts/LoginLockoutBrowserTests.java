package io.supportlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.TestPropertySource;

/** The login form after a lockout, in Chromium. */
@TestPropertySource(
        properties = {
            "supportlab.rate-limits.login.free-failures=2",
            "supportlab.rate-limits.login.lockout-failures=2",
            "supportlab.rate-limits.login.max-account-delay=0s"
        })
class LoginLockoutBrowserTests extends BrowserTest {

    @Test
    void theLockoutMessageKeepsTheEmail() {
        String email = "typo-prone@example.com";
        for (int i = 0; i < 3; i++) {
            open("/login");
            browser.findElement(By.id("username")).clear();
            browser.findElement(By.id("username")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys("wrong-password-" + i);
            browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
            waitUpTo(10).until(ExpectedConditions.urlContains("/login?"));
        }

        assertThat(browser.findElement(By.id("login-locked")).getText()).startsWith("Too many failed logins.");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(email);
        assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
        UserAdminBrowserTests.screenshots(browser, "login-locked");
    }
}
