package io.supportlab.accounts;

import static io.supportlab.accounts.StaffFixtures.NEW_PASSWORD;
import static io.supportlab.accounts.StaffFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Offboarding and managing staff on the Users pages, and changing one's own password, in Chromium. */
class UserAdminBrowserTests extends BrowserTest {

    @Autowired
    UserService users;

    StaffUser agent(String email) {
        return StaffFixtures.staff(users, email, Role.AGENT);
    }

    @Test
    void adminDeactivatesAnAgentFromTheList() {
        agent("leaver@example.com");
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin/users");
        screenshots("admin-users");

        browser.findElement(By.xpath("//tr[contains(., 'leaver@example.com')]//button[normalize-space()='Deactivate']"))
                .click();
        browser.switchTo().alert().accept();

        waitForText(By.cssSelector(".flash-success"), "Deactivated leaver@example.com");
        assertThat(browser.findElement(By.xpath("//tr[contains(., 'leaver@example.com')]"))
                        .getText())
                .contains("deactivated");
        assertThat(browser.findElements(By.cssSelector("button[aria-label='Activate leaver@example.com']")))
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("button[aria-label='Deactivate " + ADMIN_EMAIL + "']")))
                .as("nobody switches themselves off")
                .isEmpty();
    }

    @Test
    void adminChangesARoleAndSetsANewPassword() {
        agent("ann@example.com");
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/admin/users");
        browser.findElement(By.cssSelector("a[aria-label='Manage Staff ann@example.com']"))
                .click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/admin/users/"));

        new Select(browser.findElement(By.id("role"))).selectByVisibleText("admin");
        browser.findElement(By.cssSelector("form[action$='/role'] button[type=submit]"))
                .click();
        waitForText(By.cssSelector(".flash-success"), "ann@example.com is now an admin");

        browser.findElement(By.id("password")).sendKeys("Password123!");
        browser.findElement(By.cssSelector("form[action$='/password'] button[type=submit]"))
                .click();
        waitForText(By.id("password-error"), "This is similar to a commonly used password");
        screenshots("admin-user");

        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.cssSelector("form[action$='/password'] button[type=submit]"))
                .click();
        waitForText(By.cssSelector(".flash-success"), "Set a new password for ann@example.com");
        withBasicAuth("ann@example.com", NEW_PASSWORD)
                .get()
                .uri("/api/users")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void staffChangeTheirOwnPassword() {
        agent("ann@example.com");
        logInAs("ann@example.com", PASSWORD);
        browser.findElement(By.cssSelector("details.user-menu summary")).click();
        browser.findElement(By.linkText("Password")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/account/password"));

        browser.findElement(By.id("current_password")).sendKeys(PASSWORD);
        browser.findElement(By.id("new_password")).sendKeys("aaaaaaaaaaaa");
        browser.findElement(By.id("confirmation")).sendKeys("aaaaaaaaaaaa");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForText(By.id("new_password-error"), "is too easy to guess");
        screenshots("own-password");

        browser.findElement(By.id("current_password")).sendKeys(PASSWORD);
        browser.findElement(By.id("new_password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("confirmation")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waitForText(By.cssSelector(".flash-success"), "Your password is changed");

        open("/tickets");
        assertThat(browser.getCurrentUrl()).endsWith("/tickets");
    }

    @Test
    void aDeactivatedAgentsOpenPageSendsThemToTheLoginPageSayingWhy() {
        StaffUser ann = agent("ann@example.com");
        logInAs("ann@example.com", PASSWORD);
        admin().put()
                .uri("/api/users/" + ann.id() + "/active")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"active\":false}")
                .exchange()
                .expectStatus()
                .isOk();

        open("/tickets");

        assertThat(browser.getCurrentUrl()).endsWith("/login?ended");
        assertThat(browser.findElement(By.id("session-ended")).getText()).contains("Your session has ended");
        screenshots("login-session-ended");
    }

    void screenshots(String name) {
        screenshots(browser, name);
    }

    /** The page as a laptop (1366×900) and a phone (390×844) show it, whole, under target/screenshots. */
    static void screenshots(WebDriver browser, String name) {
        shoot(browser, name + "-1366", 1366, 900);
        shoot(browser, name + "-390", 390, 844);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static void shoot(WebDriver browser, String name, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        long full = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(width, (int) Math.max(height, full + 120)));
        Browser.screenshot(name);
    }
}
