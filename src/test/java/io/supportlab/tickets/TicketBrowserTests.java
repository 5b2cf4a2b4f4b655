package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.platform.live.LiveStreams;
import io.supportlab.platform.live.LiveUpdates;
import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class TicketBrowserTests extends BrowserTest {

    @Autowired
    TicketService tickets;

    @Autowired
    LiveUpdates live;

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
        card.findElement(By.cssSelector("form.status-form button[type=submit]")).click();
        waitUpTo(10)
                .until(d -> !d.findElements(By.cssSelector("#" + cardId + " .badge.status-in-progress"))
                        .isEmpty());

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
    void ticketFiltersAreInTheAddressSoAReloadOrALinkKeepsThem() {
        Ticket wanted = tickets.create(
                new NewTicket("Invoice wrong", "Twice charged", TicketPriority.HIGH, "inv@example.com"), null);
        tickets.create(new NewTicket("Invoice late", "Not here yet", TicketPriority.LOW, "late@example.com"), null);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        new Select(browser.findElement(By.id("filter-priority"))).selectByValue("high");
        browser.findElement(By.id("filter-query")).sendKeys(wanted.reference());
        waitUpTo(10)
                .until(d -> d.getCurrentUrl().contains("priority=high")
                        && d.getCurrentUrl().contains("query=" + wanted.reference()));

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("filter-query")).getAttribute("value"))
                .isEqualTo(wanted.reference());
        assertThat(new Select(browser.findElement(By.id("filter-priority")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("high");
        String list = browser.findElement(By.id("ticket-list")).getText();
        assertThat(list).contains("Invoice wrong").doesNotContain("Invoice late");
    }

    @Test
    void listShowsTicketsFromElsewhereWithoutReloading() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        waitForLiveUpdates();
        Ticket created = tickets.create(
                new NewTicket("Printer on fire", "Smoke everywhere", TicketPriority.URGENT, "ops@example.com"), null);
        waitUpTo(10).until(d -> d.findElement(By.id("ticket-list")).getText().contains(created.reference()));
        assertThat(browser.findElement(By.id("ticket-list")).getText()).contains("Printer on fire", "Urgent");
    }

    /**
     * The browser loses its connection, and while it is away more changes happen than a stream is
     * replayed: when it is back, its stream (reconnected by the browser with Last-Event-ID, or
     * re-created by htmx with {@code ?lastEventId=}) is told to reload, and the list refreshes.
     */
    @Test
    void aListThatWasAwayWhileTooMuchHappenedRefreshesWhenItIsBack() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        waitForLiveUpdates();
        Ticket before = tickets.create(
                new NewTicket("Printer on fire", "Smoke everywhere", TicketPriority.URGENT, "ops@example.com"), null);
        waitUpTo(10).until(d -> d.findElement(By.id("ticket-list")).getText().contains(before.reference()));

        Ticket missed;
        offline(true);
        try {
            LiveStreams.endAll(live); // and the browser, offline, cannot reconnect
            waitUpTo(10)
                    .until(d -> "reconnecting"
                            .equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
            missed = tickets.create(
                    new NewTicket("Scanner jammed", "Paper everywhere", TicketPriority.HIGH, "ops@example.com"), null);
            for (int i = 0; i <= LiveUpdates.REPLAY_LIMIT; i++) {
                live.publish("tickets", "ticket-changed", "elsewhere-" + i);
            }
        } finally {
            offline(false);
        }

        waitUpTo(30).until(d -> d.findElement(By.id("ticket-list")).getText().contains(missed.reference()));
    }

    private void offline(boolean offline) {
        ChromeDriver chromium = (ChromeDriver) browser;
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void statusDropdownActsOnlyOnSetAndAsksBeforeClosing() {
        Ticket ticket = tickets.create(
                new NewTicket("Arrow keys", "Must not move me", TicketPriority.LOW, "keys@example.com"), null);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        WebElement card = browser.findElement(By.id("ticket-" + ticket.id()));
        countPostsFromHere();

        WebElement status = card.findElement(By.cssSelector("select[name=status]"));
        status.sendKeys(Keys.ARROW_DOWN);
        status.sendKeys(Keys.ARROW_DOWN);
        assertThat(new Select(status).getFirstSelectedOption().getText()).isNotEqualTo("New");
        assertThat(postsSent()).as("browsing the options sends nothing").isZero();
        assertThat(statusOf(ticket)).isEqualTo(TicketStatus.NEW);

        new Select(status).selectByValue("closed");
        card.findElement(By.cssSelector("form.status-form button[type=submit]")).click();
        Alert question = waitUpTo(5).until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("Close " + ticket.reference() + "?", "cannot be reopened");
        question.dismiss();
        assertThat(postsSent()).as("a dismissed question sends nothing").isZero();
        assertThat(statusOf(ticket)).isEqualTo(TicketStatus.NEW);

        browser.findElement(By.cssSelector("#ticket-" + ticket.id() + " form.status-form button[type=submit]"))
                .click();
        waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
        waitUpTo(10)
                .until(d -> !d.findElements(By.cssSelector("#ticket-" + ticket.id() + " .badge.status-closed"))
                        .isEmpty());
        assertThat(statusOf(ticket)).isEqualTo(TicketStatus.CLOSED);
        assertThat(postsSent()).isEqualTo(1);
    }

    @Test
    void detailsFormFollowsChangesMadeElsewhereAndKeepsWhatTheAgentChose() {
        Ticket ticket = tickets.create(
                new NewTicket("Two agents", "Both at work", TicketPriority.MEDIUM, "two@example.com"), null);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets/" + ticket.id());
        waitForLiveUpdates();

        // Untouched, the form takes a colleague's change as it happens.
        tickets.change(
                ticket.id(),
                new TicketChange(null, TicketPriority.URGENT, null, null, null, null, null),
                null,
                colleague());
        waitUpTo(10)
                .until(d -> new Select(d.findElement(By.id("priority")))
                        .getFirstSelectedOption()
                        .getAttribute("value")
                        .equals("urgent"));

        // Once the agent has chosen something, a colleague's change no longer resets the form.
        new Select(browser.findElement(By.id("assignee"))).selectByValue(ADMIN_EMAIL);
        browser.findElement(By.id("notes")).sendKeys("Taking this one");
        tickets.change(ticket.id(), TicketChange.status(TicketStatus.IN_PROGRESS, null), null, colleague());
        waitUpTo(10)
                .until(d -> d.findElement(By.cssSelector("#ticket-details .live-notice"))
                        .isDisplayed());
        waitUpTo(10)
                .until(d -> d.findElement(By.id("ticket-activity")).getText().contains("In Progress"));
        assertThat(new Select(browser.findElement(By.id("assignee")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(ADMIN_EMAIL);
        assertThat(browser.findElement(By.id("notes")).getAttribute("value")).isEqualTo("Taking this one");
        Browser.screenshot("ticket-details-changed-elsewhere");

        browser.findElement(By.cssSelector("#ticket-details button[type=submit]"))
                .click();
        waitForText(By.cssSelector(".flash"), "Saved " + ticket.reference());
        Ticket saved = tickets.get(ticket.id(), colleague());
        assertThat(saved.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(saved.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(saved.assignee()).isEqualTo(ADMIN_EMAIL);
        assertThat(browser.findElement(By.id("ticket-activity")).getText()).contains("Taking this one");
    }

    @Test
    void theSameFieldChangedByBothIsExplainedAndTheAgentsChoiceKept() {
        Ticket ticket = tickets.create(
                new NewTicket("Same field", "Both change priority", TicketPriority.MEDIUM, "same@example.com"), null);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets/" + ticket.id());
        new Select(browser.findElement(By.id("priority"))).selectByValue("low");
        browser.findElement(By.id("notes")).sendKeys("Not urgent at all");
        tickets.change(
                ticket.id(),
                new TicketChange(null, TicketPriority.HIGH, null, null, null, null, null),
                null,
                colleague());

        browser.findElement(By.cssSelector("#ticket-details button[type=submit]"))
                .click();
        waitForText(By.cssSelector("#ticket-details .flash-error"), "someone else set the priority to High");
        assertThat(new Select(browser.findElement(By.id("priority")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("low");
        assertThat(browser.findElement(By.id("notes")).getAttribute("value")).isEqualTo("Not urgent at all");

        browser.findElement(By.cssSelector("#ticket-details button[type=submit]"))
                .click();
        waitForText(By.cssSelector(".flash"), "Saved " + ticket.reference());
        assertThat(tickets.get(ticket.id(), colleague()).priority()).isEqualTo(TicketPriority.LOW);
    }

    private io.supportlab.accounts.Caller colleague() {
        return new io.supportlab.accounts.Caller(ADMIN_EMAIL, true);
    }

    private TicketStatus statusOf(Ticket ticket) {
        return tickets.get(ticket.id(), colleague()).status();
    }

    private void countPostsFromHere() {
        ((JavascriptExecutor) browser)
                .executeScript("window.__posts = 0; document.addEventListener('htmx:beforeRequest', function (e) {"
                        + " if (e.detail.requestConfig.verb === 'post') { window.__posts++; } });");
    }

    private long postsSent() {
        return (Long) ((JavascriptExecutor) browser).executeScript("return window.__posts;");
    }

    private void waitForLiveUpdates() {
        waitUpTo(10)
                .until(d -> "connected".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
    }
}
