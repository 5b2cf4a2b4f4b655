package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

class ExperimentDashboardBrowserTests extends BrowserTest {

    @Autowired
    AssignmentService assignments;

    @Autowired
    EventService events;

    @Test
    void productManagerCreatesStartsWatchesAndCompletesAnExperiment() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/new");
        waitUpTo(10).until(d -> d.findElement(By.id("power-estimate")).getText().contains("users per variant"));
        // R: power.prop.test(p1 = 0.1, p2 = 0.11, sig.level = 0.05, power = 0.8)$n = 14750.79, rounded up
        assertThat(browser.findElement(By.id("power-estimate")).getText()).contains("≈ 14751 users per variant");

        browser.findElement(By.id("name")).sendKeys("Signup button");
        browser.findElement(By.id("targetMetric")).sendKeys("signed_up");
        List<WebElement> weights = browser.findElements(By.name("variantWeight"));
        weights.get(1).clear();
        weights.get(1).sendKeys("0.6");
        browser.findElement(By.cssSelector("form[action='/experiments'] button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.cssSelector("fieldset.variants .field-error"))
                        .getText())
                .contains("weights must add up to 1");

        weights = browser.findElements(By.name("variantWeight"));
        weights.get(1).clear();
        weights.get(1).sendKeys("0.5");
        browser.findElement(By.id("minimumSampleSize")).clear();
        browser.findElement(By.id("minimumSampleSize")).sendKeys("50");
        browser.findElement(By.cssSelector("form[action='/experiments'] button[type=submit]"))
                .click();
        assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
                .contains("created as a draft");

        open("/experiments");
        WebElement row = browser.findElement(By.id("experiment-signup-button"));
        assertThat(row.findElements(By.cssSelector("button")))
                .extracting(WebElement::getText)
                .containsExactly("Start", "Archive");
        row.findElement(By.xpath(".//button[contains(., 'Start')]")).click();
        waitForText(By.id("experiment-signup-button"), "running");
        row = browser.findElement(By.id("experiment-signup-button"));
        assertThat(row.findElements(By.cssSelector("button")))
                .extracting(WebElement::getText)
                .containsExactly("Pause", "Complete");

        for (int i = 0; i < 200; i++) {
            AssignmentResult assigned = assignments.assign("signup-button", "visitor-" + i, Map.of());
            boolean converts = assigned.variant().equals("test") ? i % 3 == 0 : i % 5 == 0;
            if (converts) {
                events.track("signup-button", new EventInput(null, "visitor-" + i, "signed_up", 1.0, null, null, null));
            }
        }
        open("/experiments/signup-button");
        browser.findElement(By.xpath("//button[contains(., 'Calculate')]")).click();
        assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
                .isEqualTo("Results recalculated");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Participants", "Relative change", "Chance to beat control", "converts");
        assertThat(browser.findElements(By.cssSelector(".interval-chart svg"))).hasSize(1);
        waitUpTo(10)
                .until(d -> !d.findElements(By.cssSelector("#timeseries-chart canvas"))
                        .isEmpty());
        assertThat(browser.findElement(By.cssSelector("a[href$='results.csv']")).isDisplayed())
                .isTrue();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
        Browser.screenshot("experiment-results");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        open("/experiments");
        browser.findElement(By.id("experiment-signup-button"))
                .findElement(By.xpath(".//button[contains(., 'Complete')]"))
                .click();
        browser.switchTo().alert().accept();
        waitForText(By.id("experiment-signup-button"), "completed");
    }
}
