package io.supportlab.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.Caller;
import io.supportlab.accounts.CustomerAccess;
import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

class CustomerPortalBrowserTests extends BrowserTest {

    @Autowired
    TicketService tickets;

    @Autowired
    CustomerAccess access;

    @Test
    void customerFollowsTheLinkReadsTheAnswerAndReplies() {
        Ticket ticket = tickets.create(
                new NewTicket("Refund <please>", "I was charged twice", TicketPriority.HIGH, "carol@example.com"),
                null);
        Caller agent = new Caller(ADMIN_EMAIL, true);
        tickets.reply(ticket.id(), new NewReply("Customer seems angry", Reply.Visibility.INTERNAL), agent);
        tickets.reply(ticket.id(), new NewReply("We refunded the second charge.", Reply.Visibility.PUBLIC), agent);

        browser.get(access.accessLink("carol@example.com").toString().replace("http://localhost:8080", baseUrl()));
        assertThat(browser.getCurrentUrl()).endsWith("/my/tickets");
        browser.findElement(By.linkText(ticket.reference() + " Refund <please>"))
                .click();

        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page)
                .contains("We refunded the second charge.", "I was charged twice", "In Progress", "Administrator")
                .doesNotContain("Customer seems angry", ADMIN_EMAIL);

        browser.findElement(By.id("body")).sendKeys("Thank you, I see it now.");
        browser.findElement(By.cssSelector("form[action$='/replies'] button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
                .contains("reply was sent");
        assertThat(browser.findElement(By.cssSelector(".conversation")).getText())
                .contains("Thank you, I see it now.");
        Browser.screenshot("customer-ticket");

        assertThat(tickets.replies(ticket.id(), agent)).extracting(Reply::body).contains("Thank you, I see it now.");
    }

    @Test
    void customerCannotOpenSomeoneElsesTicket() {
        Ticket other =
                tickets.create(new NewTicket("Private", "Not yours", TicketPriority.LOW, "dave@example.com"), null);
        tickets.create(new NewTicket("Mine", "Mine", TicketPriority.LOW, "erin@example.com"), null);
        browser.get(access.accessLink("erin@example.com").toString().replace("http://localhost:8080", baseUrl()));
        open("/my/tickets/" + other.id());
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("404")
                .doesNotContain("Not yours");
        open("/my/tickets");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Mine")
                .doesNotContain("Private");
    }

    @Test
    void expiredOrForgedLinkOffersANewOne() {
        open("/my/access?token=forged.token.value");
        assertThat(browser.findElement(By.cssSelector(".flash-error")).getText())
                .contains("invalid or has expired");
        browser.findElement(By.id("email")).sendKeys("nobody@example.com");
        browser.findElement(By.cssSelector("form[action='/my/link'] button")).click();
        assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
                .contains("we will email a link to them");
    }

    @Test
    void anonymousVisitorOfTheCustomerAreaIsSentToTheLinkForm() {
        open("/my/tickets");
        assertThat(browser.getCurrentUrl()).contains("/my/link");
    }
}
