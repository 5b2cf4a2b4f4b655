package io.supportlab.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The Teams admin pages, the team picker of a ticket and the availability toggle, in Chromium. */
class TeamBrowserTests extends BrowserTest {

    @Autowired
    TicketService tickets;

    void agent(String email, String name) {
        api(admin())
                .post(
                        "/api/users",
                        "{\"email\":\"" + email + "\",\"display_name\":\"" + name + "\",\"password\":\""
                                + TeamApiTests.PASSWORD + "\",\"role\":\"agent\"}",
                        201);
    }

    @Test
    void adminCreatesATeamAddsAMemberAndMakesItTheDefault() {
        agent("ann@example.com", "Ann Agent");
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("details.user-menu summary")).click();
        browser.findElement(By.linkText("Teams")).click();
        waitUpTo(10).until(ExpectedConditions.urlContains("/admin/teams"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("General", "default");

        browser.findElement(By.cssSelector("form[action='/admin/teams'] button[type=submit]"))
                .click();
        waitForText(By.id("name-error"), "must not be blank");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        browser.findElement(By.id("name")).sendKeys("Billing");
        browser.findElement(By.id("description")).sendKeys("Invoices and refunds");
        new Select(browser.findElement(By.id("assignment"))).selectByVisibleText("Round-robin");
        browser.findElement(By.cssSelector("form[action='/admin/teams'] button[type=submit]"))
                .click();
        waitForText(By.cssSelector(".flash-success"), "Created team Billing");

        browser.findElement(By.cssSelector("input[name=members][value='ann@example.com']"))
                .click();
        browser.findElement(By.cssSelector("form.form button.primary")).click();
        waitForText(By.cssSelector(".flash-success"), "Saved team Billing");
        assertThat(browser.findElement(By.cssSelector("input[name=members][value='ann@example.com']"))
                        .isSelected())
                .isTrue();
        assertThat(new Select(browser.findElement(By.id("assignment")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Round-robin");
        Browser.screenshot("admin-team");

        browser.findElement(By.xpath("//button[normalize-space()='Make Billing the default team']"))
                .click();
        waitForText(By.cssSelector(".flash-success"), "Billing is now the default team");
        Ticket ticket = tickets.create(new NewTicket("Refund", "Please", TicketPriority.LOW, "c@example.com"), null);
        assertThat(ticket.assignee()).isEqualTo("ann@example.com");

        open("/admin/teams");
        browser.findElement(By.cssSelector("a[aria-label='Manage General']")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Delete team']"))
                .click();
        browser.switchTo().alert().accept();
        waitForText(By.cssSelector(".flash-success"), "Deleted team General");
        assertThat(browser.findElement(By.tagName("table")).getText()).doesNotContain("General");
    }

    @Test
    void anAgentMovesATicketToAnotherTeamWhichAssignsIt() {
        agent("ann@example.com", "Ann Agent");
        String tier2 = api(admin())
                .post(
                        "/api/teams",
                        "{\"name\":\"Tier 2\",\"assignment\":\"round-robin\",\"members\":[\"ann@example.com\"]}",
                        201)
                .get("id")
                .asString();
        Ticket ticket = tickets.create(
                new NewTicket("Database slow", "Queries take minutes", TicketPriority.HIGH, "ops@example.com"), null);
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/tickets");
        new Select(browser.findElement(By.id("filter-team"))).selectByVisibleText("Tier 2");
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("team="));
        waitUpTo(10).until(d -> d.findElement(By.id("ticket-list")).getText().contains("No tickets match"));

        open("/tickets/" + ticket.id());
        Select team = new Select(browser.findElement(By.id("team")));
        assertThat(team.getFirstSelectedOption().getText()).isEqualTo("General");
        team.selectByVisibleText("Tier 2");
        browser.findElement(By.cssSelector("#ticket-details button[type=submit]"))
                .click();

        waitForText(By.cssSelector(".flash-success"), "Saved " + ticket.reference());
        String activity = browser.findElement(By.id("ticket-activity")).getText();
        assertThat(activity).contains("team Tier 2", "assigned to ann@example.com");
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText())
                .contains("Team: General", "Tier 2", "Automatic assignment (round-robin in team Tier 2)");
        assertThat(new Select(browser.findElement(By.id("team")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Tier 2");

        open("/tickets?team=" + tier2);
        assertThat(browser.findElement(By.id("ticket-list")).getText()).contains(ticket.reference());
    }

    @Test
    void staffSetThemselvesAwayFromTheAccountMenu() {
        agent("ann@example.com", "Ann Agent");
        logInAs("ann@example.com", TeamApiTests.PASSWORD);
        browser.findElement(By.cssSelector("details.user-menu summary")).click();
        waitForText(By.id("availability-toggle"), "Set me away");
        browser.findElement(By.cssSelector("#availability-toggle button")).click();
        waitForText(By.id("availability-toggle"), "Set me available");
        assertThat(browser.findElement(By.id("availability-now")).getText()).contains("away");
        assertThat(api(withBasicAuth("ann@example.com", TeamApiTests.PASSWORD))
                        .get("/api/me/availability", 200)
                        .get("available")
                        .asBoolean())
                .isFalse();

        open("/account/availability");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("You are away");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForText(By.cssSelector(".flash-success"), "You are available for new tickets");
    }
}
