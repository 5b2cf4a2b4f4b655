package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class TicketBrowserTests extends BrowserTest {

    @Autowired
    TicketService tickets;

    @Test
    void customerSubmitsAgentChangesStatusAndSeesTheHistoryEntry() {
        open("/");
        browser.findElement(By.id("title")).sendKeys("Cannot export <b>invoices</b>");
        browser.findElement(By.id("description")).sendKeys("The export button does nothing.");
        new Select(browser.findElement(By.id("priority"))).selectByValue("high");
        browser.findElement(By.id("contactEmail")).sendKeys("dana@example.com");
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]"))
                .click();

        String reference = browser.findElement(By.id("ticket-reference")).getText();
        assertThat(reference).matches("SL-\\d+");

        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        WebElement card = browser.findElement(By.xpath("//article[contains(., '" + reference + "')]"));
        assertThat(card.getText()).contains("Cannot export <b>invoices</b>", "High", "New");
        Browser.screenshot("tickets-list");

        String cardId = card.getAttribute("id");
        new Select(card.findElement(By.cssSelector("select[name=status]"))).selectByValue("in-progress");
        waitUpTo(10).until(d -> d.findElement(By.id(cardId)).getText().contains("In Progress"));

        waitUpTo(10).until(d -> {
            d.findElement(By.id(cardId))
                    .findElement(By.xpath(".//button[contains(., 'History')]"))
                    .click();
            return true;
        });
        WebElement dialog = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("app-dialog")));
        waitUpTo(10).until(d -> dialog.getText().contains("In Progress"));
        assertThat(dialog.getText()).contains(reference, "Created", "New", "In Progress", "by " + ADMIN_EMAIL);
        Browser.screenshot("tickets-history-dialog");
    }

    @Test
    void publicFormExplainsProblemsInWordsAndClearsEachOnceFixed() {
        open("/");
        browser.findElement(By.id("contactEmail")).sendKeys("x@[127.0.0.1]");
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]"))
                .click();

        // Redirected back to the form (not left on the POST's address), with what was typed.
        waitUpTo(10).until(d -> !d.findElements(By.id("error-summary")).isEmpty());
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/");
        WebElement summary = browser.findElement(By.id("error-summary"));
        assertThat(summary.getText())
                .contains(
                        "Give your ticket a short title.",
                        "Describe the problem",
                        "Enter an email address we can write to, like name@example.com.");
        assertThat(browser.findElement(By.id("title-error")).getText()).isEqualTo("Give your ticket a short title.");
        assertThat(browser.findElement(By.id("contactEmail")).getAttribute("value"))
                .isEqualTo("x@[127.0.0.1]");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("title");
        Browser.screenshot("help-form-errors");

        browser.findElement(By.id("title")).sendKeys("Printer jams");
        assertThat(absent(By.id("title-error"))).isTrue();
        assertThat(summary.getText()).doesNotContain("short title").contains("Describe the problem");
        browser.findElement(By.id("description")).sendKeys("Every second page.");
        WebElement email = browser.findElement(By.id("contactEmail"));
        email.clear();
        email.sendKeys("dana@example.com");
        assertThat(absent(By.id("error-summary"))).isTrue();
        assertThat(absent(By.cssSelector(".field-error"))).isTrue();

        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.id("ticket-reference")).getText()).matches("SL-\\d+");
        assertThat(browser.getCurrentUrl()).endsWith("/help/submitted");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("We will email a confirmation to dana@example.com");
    }

    @Test
    void historyNoteSaysTheCustomerSeesIt() {
        Ticket ticket = tickets.create(
                new NewTicket("Slow page", "Loading takes ages", TicketPriority.LOW, "slow@example.com"), null);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets/" + ticket.id());
        assertThat(browser.findElement(By.cssSelector("label[for=notes]")).getText())
                .contains("the customer");
        assertThat(browser.findElement(By.id("notes-hint")).getText()).contains("customer sees", "email");
    }

    /** Whether nothing matches, without waiting the implicit five seconds for it to appear. */
    private boolean absent(By locator) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(locator).isEmpty();
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    @Test
    void listShowsTicketsFromElsewhereWithoutReloading() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        waitUpTo(5).until(d -> d.findElement(By.id("ticket-list")) != null);
        // Give the event stream a moment to connect before the change happens.
        sleep(Duration.ofMillis(800));
        Ticket created = tickets.create(
                new NewTicket("Printer on fire", "Smoke everywhere", TicketPriority.URGENT, "ops@example.com"), null);
        waitUpTo(10).until(d -> d.findElement(By.id("ticket-list")).getText().contains(created.reference()));
        assertThat(browser.findElement(By.id("ticket-list")).getText()).contains("Printer on fire", "Urgent");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
