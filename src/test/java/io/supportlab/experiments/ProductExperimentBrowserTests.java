package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** SupportLab running an experiment on its own ticket form, end to end in the browser. */
class ProductExperimentBrowserTests extends BrowserTest {

    /** The key tickets declares its form's experiment under. */
    static final String TICKET_FORM = "ticket-form-layout";

    @Autowired
    DefaultExperiments defaults;

    @Test
    void ticketFormExperimentRendersStableVariantsAndCountsRealSubmissions() {
        defaults.ensure();
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments");
        WebElement row = browser.findElement(By.id("experiment-" + TICKET_FORM));
        assertThat(row.getText()).contains("draft");
        row.findElement(By.xpath(".//button[contains(., 'Start')]")).click();
        waitForText(By.id("experiment-" + TICKET_FORM), "running");

        Set<String> seen = new HashSet<>();
        int submitted = 0;
        for (int visitor = 0; visitor < 16; visitor++) {
            browser.manage().deleteAllCookies();
            open("/");
            String variant = variantShown();
            browser.navigate().refresh();
            assertThat(variantShown()).as("visitor %d after a reload", visitor).isEqualTo(variant);
            seen.add(variant);
            if (visitor % 2 == 0) {
                if (variant.equals("test")) {
                    assertThat(browser.findElement(By.cssSelector("form.ticket-form button[type=submit]"))
                                    .getText())
                            .isEqualTo("Get Help Now");
                    Browser.screenshot("ticket-form-test-variant");
                }
                browser.findElement(By.id("title")).sendKeys("Visitor " + visitor + " needs help");
                browser.findElement(By.id("description")).sendKeys("Something is broken");
                browser.findElement(By.id("contactEmail")).sendKeys("visitor" + visitor + "@example.com");
                browser.findElement(By.cssSelector("form.ticket-form button[type=submit]"))
                        .click();
                assertThat(browser.findElement(By.id("ticket-reference")).getText())
                        .startsWith("SL-");
                submitted++;
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("control", "test");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ab_test_events WHERE event_name = 'ticket_submitted'")
                        .query(Long.class)
                        .single())
                .isEqualTo(submitted);

        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/" + TICKET_FORM);
        browser.findElement(By.xpath("//button[contains(., 'Calculate')]")).click();
        waitForText(By.cssSelector(".flash-success"), "Results recalculated");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("ticket_submitted", "Plain form", "Gradient, Get Help Now");
        long participants = jdbc.sql("SELECT total_participants FROM ab_tests WHERE experiment_key = :k")
                .param("k", TICKET_FORM)
                .query(Long.class)
                .single();
        assertThat(participants).isEqualTo(16);
        assertThat(browser.findElements(By.cssSelector(".interval-chart svg"))).isNotEmpty();
    }

    private String variantShown() {
        return browser.findElement(By.cssSelector("section[data-variant]")).getAttribute("data-variant");
    }
}
