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
    void publicFormShowsEachProblemNextToItsField() {
        open("/");
        browser.findElement(By.id("contactEmail")).sendKeys("not-an-email");
        browser.findElement(By.cssSelector("form.ticket-form button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.id("title-error")).getText()).isEqualTo("must not be blank");
        assertThat(browser.findElement(By.id("description-error")).getText()).isEqualTo("must not be blank");
        assertThat(browser.findElement(By.id("contactEmail-error")).getText())
                .isEqualTo("must be a valid email address");
        assertThat(browser.findElement(By.id("contactEmail")).getAttribute("value"))
                .isEqualTo("not-an-email");
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
