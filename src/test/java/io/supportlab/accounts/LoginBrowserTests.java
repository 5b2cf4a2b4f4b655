package io.supportlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

class LoginBrowserTests extends BrowserTest {

    @Test
    void adminLogsInSeesTheThreeTabsAndLogsOut() {
        open("/tickets");
        assertThat(browser.getCurrentUrl()).endsWith("/login");

        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);

        assertThat(browser.getCurrentUrl()).contains("/tickets");
        List<String> tabs = browser.findElements(By.cssSelector("nav.tabs a")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(tabs).containsExactly("Support Tickets", "FAQ Management", "A/B Testing");
        assertThat(browser.findElement(By.cssSelector("nav.tabs a[aria-current=page]"))
                        .getText())
                .contains("Support Tickets");
        Browser.screenshot("staff-tickets-tab");

        browser.findElement(By.cssSelector("details.user-menu summary")).click();
        browser.findElement(By.cssSelector("details.user-menu form[action='/logout'] button"))
                .click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.getPageSource()).contains("You are logged out.");

        open("/tickets");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void wrongPasswordShowsAnErrorAndKeepsTheEmail() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("error"));
        assertThat(browser.findElement(By.cssSelector(".flash-error")).getText())
                .contains("Wrong email or password");
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(ADMIN_EMAIL);
        assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        UserAdminBrowserTests.screenshots(browser, "login-wrong-password");

        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/tickets"));
    }

    @Test
    void adminCreatesAnAgentOnTheUsersPage() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin/users");
        browser.findElement(By.id("email")).sendKeys("new.agent@example.com");
        browser.findElement(By.id("displayName")).sendKeys("New Agent");
        browser.findElement(By.id("password")).sendKeys("short");
        browser.findElement(By.cssSelector("form[action='/admin/users'] button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.id("password-error")).getText())
                .isEqualTo("must have between 12 and 72 characters");

        browser.findElement(By.id("password")).sendKeys("aaaaaaaaaaaa");
        browser.findElement(By.cssSelector("form[action='/admin/users'] button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.id("password-error")).getText()).startsWith("is too easy to guess.");

        browser.findElement(By.id("password")).sendKeys("long-enough-password");
        browser.findElement(By.cssSelector("form[action='/admin/users'] button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
                .isEqualTo("Created agent new.agent@example.com");
        Browser.screenshot("admin-users");
    }
}
