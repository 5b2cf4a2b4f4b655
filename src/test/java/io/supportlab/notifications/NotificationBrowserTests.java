package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.EmailAddress;
import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationBrowserTests extends BrowserTest {

    @Autowired
    TicketService tickets;

    @Autowired
    PreferenceService preferences;

    @Test
    void replyBoxSaysBeforeSendingThatACustomerWhoUnsubscribedIsNotEmailed() {
        preferences.unsubscribe(EmailAddress.of("gone@example.com"));
        Ticket unsubscribed = tickets.create(
                new NewTicket("Still broken", "Please help", TicketPriority.MEDIUM, "gone@example.com"), null);
        Ticket subscribed = tickets.create(
                new NewTicket("Also broken", "Please help", TicketPriority.MEDIUM, "here@example.com"), null);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);

        open("/tickets/" + unsubscribed.id());
        assertThat(publicReplyChoice().getText())
                .isEqualTo("Public reply (not emailed: gone@example.com turned ticket emails off;"
                        + " it shows on their ticket page)");
        screenshotAtBothSizes("reply-box-unsubscribed", By.id("reply"));

        open("/tickets/" + subscribed.id());
        assertThat(publicReplyChoice().getText()).isEqualTo("Public reply (emailed to here@example.com)");
    }

    private WebElement publicReplyChoice() {
        return browser.findElement(By.xpath("//input[@name='visibility' and @value='public']/parent::label"));
    }

    /** Desktop and phone widths, scrolled to {@code part}, for looking at the page after the test. */
    private void screenshotAtBothSizes(String name, By part) {
        try {
            for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
                browser.manage().window().setSize(size);
                ((JavascriptExecutor) browser)
                        .executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(part));
                Browser.screenshot(name + "-" + size.getWidth());
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void historyDialogShowsTheDeliveryLogAndPreferencesDialogSavesAndReopensPrefilled() {
        Ticket ticket = tickets.create(
                new NewTicket("Where is my parcel", "Ordered last week", TicketPriority.MEDIUM, "fay@example.com"),
                null);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        WebElement card = browser.findElement(By.id("ticket-" + ticket.id()));
        card.findElement(By.xpath(".//button[contains(., 'History')]")).click();
        WebElement dialog = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("app-dialog")));
        dialog.findElement(By.xpath(".//button[@role='tab' and contains(., 'Notifications')]"))
                .click();
        waitUpTo(10)
                .until(d ->
                        d.findElement(By.id("notifications-panel")).getText().contains("ticket_created"));
        assertThat(browser.findElement(By.id("notifications-panel")).getText())
                .contains("We received your request: Where is my parcel", "fay@example.com");
        Browser.screenshot("history-notifications-tab");
        dialog.findElement(By.cssSelector(".dialog-close button")).click();

        browser.findElement(By.id("ticket-" + ticket.id()))
                .findElement(By.xpath(".//button[contains(., 'Preferences')]"))
                .click();
        waitUpTo(10)
                .until(d -> d.findElement(By.id("app-dialog")).isDisplayed()
                        && !d.findElements(By.id("notificationFrequency")).isEmpty());
        new Select(browser.findElement(By.id("notificationFrequency"))).selectByValue("daily");
        new Select(browser.findElement(By.id("preferredLanguage"))).selectByValue("de");
        browser.findElement(By.cssSelector(".preferences-form button[type=submit]"))
                .click();
        waitUpTo(10).until(d -> d.findElement(By.id("app-dialog")).getText().contains("Preferences saved."));
        Browser.screenshot("preferences-dialog");
        assertThat(preferences.get(EmailAddress.of("fay@example.com")).notificationFrequency())
                .isEqualTo(Frequency.DAILY);

        browser.findElement(By.cssSelector(".dialog-close button")).click();
        browser.findElement(By.id("ticket-" + ticket.id()))
                .findElement(By.xpath(".//button[contains(., 'Preferences')]"))
                .click();
        waitUpTo(10)
                .until(d -> !d.findElements(By.cssSelector("#notificationFrequency option[value=daily]"))
                                .isEmpty()
                        && d.findElement(By.cssSelector("#notificationFrequency option[value=daily]"))
                                .isSelected());
        assertThat(new Select(browser.findElement(By.id("preferredLanguage")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Deutsch");
    }
}
