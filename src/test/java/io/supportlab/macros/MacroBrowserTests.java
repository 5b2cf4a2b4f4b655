package io.supportlab.macros;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Reply;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import io.supportlab.tickets.TicketStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class MacroBrowserTests extends BrowserTest {

    @Autowired
    TicketService tickets;

    @Autowired
    MacroService macros;

    static final Agent ADMIN = new Agent(ADMIN_EMAIL, true);

    @AfterEach
    void restoreWindow() {
        // Other browser tests share this Chromium and expect its default size (Browser.java).
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** A phone's viewport: 390 CSS pixels wide inside the window. */
    void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        long inner = (Long) script("return window.innerWidth");
        if (inner != 390) {
            browser.manage().window().setSize(new Dimension(2 * 390 - (int) inner, 844));
        }
        assertThat(script("return window.innerWidth")).isEqualTo(390L);
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    @Test
    void agentPicksAMacroEditsTheTextAndSendsItWithItsActions() {
        Ticket ticket = tickets.create(
                new NewTicket("Charged twice", "My card was charged twice", TicketPriority.LOW, "dana@example.com"),
                null);
        Macro refund = macros.create(
                new MacroDraft(
                        "Refund issued",
                        "Hi {{customer.name}}, we refunded {{ticket.reference}}.",
                        MacroVisibility.SHARED,
                        new MacroDraft.Actions(TicketStatus.RESOLVED, TicketPriority.HIGH, null)),
                ADMIN);
        macros.create(new MacroDraft("Greeting", "Hello!", MacroVisibility.SHARED, null), ADMIN);

        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        Browser.consoleErrors();
        phone();
        open("/tickets/" + ticket.id());
        browser.findElement(By.id("macro-button")).click();
        WebElement search = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("macro-search")));
        assertThat(browser.switchTo().activeElement()).isEqualTo(search);
        search.sendKeys("refund");
        waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector("#macro-results .macro-choice"))
                                .size()
                        == 1);
        // Keyboard only: down to the macro, Enter to pick it.
        search.sendKeys(Keys.ARROW_DOWN);
        WebElement choice = browser.switchTo().activeElement();
        assertThat(choice.getText()).contains("Refund issued", "Status: Resolved");
        choice.sendKeys(Keys.ENTER);

        WebElement message = browser.findElement(By.id("body"));
        String rendered = "Hi dana@example.com, we refunded " + ticket.reference() + ".";
        waitUpTo(10).until(d -> rendered.equals(message.getAttribute("value")));
        assertThat(browser.switchTo().activeElement()).isEqualTo(message);
        assertThat(browser.findElement(By.cssSelector(".macro-chosen")).getText())
                .contains("Refund issued", "Public reply", "Status: Resolved", "Priority: High");
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the reply box with a macro picked fits a phone")
                .isEqualTo(true);
        Browser.screenshot("macros-picked");

        message.sendKeys(" Sorry for the trouble.");
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();

        waitForText(By.cssSelector(".flash"), "Reply sent to the customer with the macro “Refund issued”");
        assertThat(browser.findElement(By.cssSelector(".conversation")).getText())
                .contains(rendered + " Sorry for the trouble.");
        assertThat(new Select(browser.findElement(By.id("status")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("resolved");
        assertThat(new Select(browser.findElement(By.id("priority")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("high");
        assertThat(macros.get(refund.id(), ADMIN).usageCount()).isEqualTo(1);
        assertThat(Browser.consoleErrors()).isEmpty();
        Browser.screenshot("macros-sent");
    }

    @Test
    void aRefusedMacroKeepsWhatWasTypedAndAReplyWithoutMacroIsAPlainReply() {
        Ticket ticket =
                tickets.create(new NewTicket("Old issue", "Long gone", TicketPriority.LOW, "erin@example.com"), null);
        tickets.change(
                ticket.id(),
                io.supportlab.tickets.TicketChange.status(TicketStatus.CLOSED, null),
                null,
                ADMIN.caller());
        Macro reopen = macros.create(
                new MacroDraft(
                        "Reopen",
                        "Reopening {{ticket.reference}}",
                        MacroVisibility.PERSONAL,
                        new MacroDraft.Actions(TicketStatus.IN_PROGRESS, null, Reply.Visibility.INTERNAL)),
                ADMIN);

        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets/" + ticket.id());
        browser.findElement(By.id("macro-button")).click();
        waitUpTo(10)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".macro-choice")))
                .click();
        WebElement message = browser.findElement(By.id("body"));
        waitUpTo(10).until(d -> message.getAttribute("value").startsWith("Reopening"));
        assertThat(browser.findElement(By.cssSelector("input[name=visibility][value=internal]"))
                        .isSelected())
                .isTrue();
        message.sendKeys(" (typed)");
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();

        waitForText(By.cssSelector(".macro-chosen"), "cannot change status");
        assertThat(message.getAttribute("value")).isEqualTo("Reopening " + ticket.reference() + " (typed)");
        assertThat(tickets.replies(ticket.id(), ADMIN.caller())).isEmpty();
        assertThat(macros.get(reopen.id(), ADMIN).usageCount()).isZero();

        // Without the macro's actions the form is the plain reply form again.
        browser.findElement(By.cssSelector("[data-macro-remove]")).click();
        assertThat(browser.findElements(By.cssSelector(".macro-chosen"))).isEmpty();
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        waitForText(By.cssSelector(".flash"), "Internal note added");
        assertThat(browser.findElement(By.cssSelector(".conversation")).getText())
                .contains("Reopening " + ticket.reference() + " (typed)");
        assertThat(tickets.get(ticket.id(), ADMIN.caller()).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(macros.get(reopen.id(), ADMIN).usageCount()).isZero();
    }

    @Test
    void macrosPageAddsEditsAndDeletesAndExplainsAPlaceholderMistake() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        browser.findElement(By.cssSelector("details.user-menu summary")).click();
        browser.findElement(By.linkText("Macros")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/macros"));

        browser.findElement(By.id("title")).sendKeys("Welcome");
        browser.findElement(By.id("body")).sendKeys("Hi {{customer.nmae}}");
        browser.findElement(By.cssSelector("input[name=visibility][value=shared]"))
                .click();
        new Select(browser.findElement(By.id("status"))).selectByValue("in-progress");
        browser.findElement(By.cssSelector("#macro-form button[type=submit]")).click();

        waitForText(By.id("body-error"), "unknown placeholder {{customer.nmae}}");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Welcome");
        assertThat(new Select(browser.findElement(By.id("status")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("in-progress");
        Browser.screenshot("macros-form-error");
        WebElement body = browser.findElement(By.id("body"));
        body.clear();
        body.sendKeys("Hi {{customer.name}}, welcome!");
        browser.findElement(By.cssSelector("#macro-form button[type=submit]")).click();

        waitForText(By.cssSelector(".flash"), "Added the macro “Welcome”");
        WebElement item = browser.findElement(By.cssSelector(".macro-item"));
        assertThat(item.getText()).contains("Welcome", "Shared", "Status: In Progress", "used 0 times");

        item.findElement(By.cssSelector("a[href$='/edit']")).click();
        WebElement title = browser.findElement(By.id("title"));
        title.clear();
        title.sendKeys("Welcome back");
        browser.findElement(By.cssSelector("#macro-form button[type=submit]")).click();
        waitForText(By.cssSelector(".flash"), "Saved the macro “Welcome back”");

        browser.findElement(By.id("macro-query")).sendKeys("nothing like it");
        waitForText(By.id("macro-list"), "No macros match.");
        assertThat(browser.getCurrentUrl()).contains("/macros?q=nothing");
        browser.findElement(By.id("macro-query")).clear();
        browser.findElement(By.id("macro-query")).sendKeys("welcome");
        waitForText(By.id("macro-list"), "Welcome back");

        browser.findElement(By.cssSelector(".macro-item button.danger")).click();
        browser.switchTo().alert().accept();
        waitForText(By.cssSelector(".flash"), "Deleted the macro “Welcome back”");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM macros").query(Long.class).single())
                .isZero();
    }
}
