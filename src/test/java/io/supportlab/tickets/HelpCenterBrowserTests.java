package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/** The help center form with a minimum fill time a quick person (paste, autofill) undercuts. */
@TestPropertySource(properties = "supportlab.tickets.min-fill-time=30s")
class HelpCenterBrowserTests extends BrowserTest {

    @Test
    void aQuickPersonIsAskedToConfirmAndNeverFlaggedOrMisinformed() {
        open("/");
        browser.findElement(By.id("title")).sendKeys("Invoice missing");
        browser.findElement(By.id("description")).sendKeys("Pasted from my notes: no invoice for March.");
        browser.findElement(By.id("contactEmail")).sendKeys("quick@example.com");
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]"))
                .click();

        WebElement notice = browser.findElement(By.id("form-notice"));
        assertThat(notice.getText()).contains("send it again");
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Invoice missing");
        assertThat(browser.findElement(By.id("contactEmail")).getAttribute("value"))
                .isEqualTo("quick@example.com");
        assertThat(tickets()).isZero();
        Browser.screenshot("help-form-confirm");

        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.id("ticket-reference")).getText()).matches("SL-\\d+");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("We will email a confirmation to quick@example.com")
                .doesNotContain("We sent");
        assertThat(jdbc.sql("SELECT spam FROM tickets").query(Boolean.class).single())
                .isFalse();
        Browser.screenshot("help-submitted");
    }

    private long tickets() {
        return jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single();
    }
}
