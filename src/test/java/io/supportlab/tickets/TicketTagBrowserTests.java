package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.Caller;
import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** An agent tags a ticket on its page from the keyboard, then finds it by that tag in the list. */
class TicketTagBrowserTests extends BrowserTest {

    static final Caller AGENT = new Caller(ADMIN_EMAIL, true);

    @Autowired
    TicketService tickets;

    @Test
    void anAgentTagsATicketOnItsPageAndFiltersTheListByTheTag() {
        Ticket refund = tickets.create(
                new NewTicket("Refund charged twice", "Two charges", TicketPriority.HIGH, "r@example.com"), null);
        Ticket login =
                tickets.create(new NewTicket("Login broken", "No way in", TicketPriority.LOW, "l@example.com"), null);
        tickets.change(
                login.id(), new TicketChange(null, null, null, null, null, null, List.of("billing-eu")), null, AGENT);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets/" + refund.id());

        // Typing suggests the tags in use.
        WebElement input = browser.findElement(By.id("tag-input"));
        input.sendKeys("Bil");
        waitUpTo(10)
                .until(d -> !d.findElements(By.cssSelector("#tag-options option[value='billing-eu']"))
                        .isEmpty());

        // Enter adds the tag; the field keeps the focus for the next one.
        input.sendKeys("ling" + Keys.ENTER);
        waitUpTo(10)
                .until(d -> !d.findElements(By.xpath("//div[@id='ticket-tags']//a[@class='tag' and text()='billing']"))
                        .isEmpty());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("tag-input");
        assertThat(tickets.get(refund.id(), AGENT).tags()).containsExactly("billing");

        // A tag that cannot be is explained, and what was typed stays to be fixed.
        browser.switchTo().activeElement().sendKeys("two words" + Keys.ENTER);
        waitForText(By.id("tag-error"), "must not contain spaces");
        assertThat(browser.findElement(By.id("tag-input")).getAttribute("value"))
                .isEqualTo("two words");
        assertThat(browser.findElement(By.id("tag-input")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        // Another tag, then its remove button, from the keyboard.
        WebElement again = browser.findElement(By.id("tag-input"));
        again.clear();
        again.sendKeys("urgent-refund" + Keys.ENTER);
        waitUpTo(10).until(d -> d.findElement(By.id("ticket-tags")).getText().contains("urgent-refund"));
        WebElement remove = browser.findElement(By.cssSelector("button[title='Remove tag urgent-refund']"));
        remove.sendKeys(Keys.ENTER);
        waitUpTo(10).until(d -> !d.findElement(By.id("ticket-tags")).getText().contains("urgent-refund"));
        assertThat(tickets.get(refund.id(), AGENT).tags()).containsExactly("billing");
        waitUpTo(10)
                .until(d -> d.findElement(By.id("ticket-activity")).getText().contains("Tags:"));
        Browser.screenshot("ticket-tags");

        // In the list the tag is on the card; a click filters by it, in the address.
        open("/tickets");
        browser.findElement(By.id("ticket-" + refund.id()))
                .findElement(By.linkText("billing"))
                .click();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("tag=billing"));
        assertThat(browser.findElement(By.id("ticket-list")).getText())
                .contains("Refund charged twice")
                .doesNotContain("Login broken");
        Browser.screenshot("tickets-filtered-by-tag");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("ticket-list")).getText()).doesNotContain("Login broken");

        // The filter shows, and a click takes it off.
        browser.findElement(By.cssSelector(".tag-filters .tag-active")).click();
        waitUpTo(10).until(d -> !d.getCurrentUrl().contains("tag="));
        assertThat(browser.findElement(By.id("ticket-list")).getText())
                .contains("Refund charged twice", "Login broken");

        // The list's tag field filters too, with suggestions.
        WebElement field = browser.findElement(By.id("filter-tag"));
        field.sendKeys("billing-eu" + Keys.TAB);
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("tag=billing-eu"));
        waitUpTo(10).until(d -> !d.findElement(By.id("ticket-list")).getText().contains("Refund charged twice"));
        assertThat(browser.findElement(By.id("ticket-list")).getText()).contains("Login broken");
    }
}
