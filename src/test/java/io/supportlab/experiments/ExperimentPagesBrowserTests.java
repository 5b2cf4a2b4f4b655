package io.supportlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supportlab.platform.persistence.SqlDialect;
import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/** The experiment form and page in Chromium (issue 15, items 6 and 17 to 22). */
class ExperimentPagesBrowserTests extends BrowserTest {

    @Autowired
    ExperimentService experiments;

    @Autowired
    SqlDialect dialect;

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private List<WebElement> weights() {
        return browser.findElements(By.name("variantWeight"));
    }

    private void submit() {
        browser.findElement(By.xpath("//form[contains(@class, 'form')]//button[@type='submit']"))
                .click();
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private String buttons() {
        return String.join(
                "|",
                browser.findElements(By.cssSelector(".experiment-head .card-actions .button")).stream()
                        .map(WebElement::getText)
                        .toList());
    }

    /** Two screenshots of the current page, at a laptop's and at a phone's width, whole height. */
    private void screenshots(String name) {
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            browser.manage().window().setSize(new Dimension(size[0], size[1]));
            long height = (Long) script("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(size[0], (int) Math.max(size[1], height)));
            script("window.scrollTo(0, 0)");
            Browser.screenshot(name + "-" + size[0]);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private Experiment draft(String definition) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder()
                .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .build();
        return experiments.create(json.readValue(definition, ExperimentDefinition.class), ADMIN_EMAIL);
    }

    private Experiment running(String definition) {
        Experiment draft = draft(definition);
        return experiments.changeStatus(draft.id(), ExperimentStatus.RUNNING, ADMIN_EMAIL);
    }

    @Test
    void equalWeightsThatDoNotQuiteAddUpToOneAreAccepted() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/new");
        type("name", "Three ways");
        type("targetMetric", "signed_up");
        browser.findElement(By.xpath("//button[contains(., 'Add variant')]")).click();
        browser.findElements(By.name("variantKey")).get(2).sendKeys("third");
        for (WebElement weight : weights()) {
            weight.clear();
            weight.sendKeys("0.333");
        }
        submit();
        waitForText(By.cssSelector(".flash-success"), "created as a draft");
        assertThat(experiments.get("three-ways").variants())
                .extracting(Variant::weight)
                .allSatisfy(w -> assertThat(w).isCloseTo(1 / 3.0, within(1e-15)))
                .hasSize(3);
    }

    @Test
    void splitEvenlyGivesEveryVariantTheSameWeight() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/new");
        browser.findElement(By.xpath("//button[contains(., 'Add variant')]")).click();
        browser.findElement(By.xpath("//button[contains(., 'Split evenly')]")).click();
        assertThat(weights()).extracting(w -> w.getDomProperty("value")).containsExactly("0.3333", "0.3333", "0.3333");
        assertThat(browser.getCurrentUrl()).endsWith("/experiments/new");
    }

    @Test
    void formErrorsAreSummarisedAtTheTopAndTheFirstTakesTheFocus() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/new");
        type("targetMetric", "signed_up");
        weights().get(1).clear();
        weights().get(1).sendKeys("0.6");
        submit();
        WebElement summary = browser.findElement(By.cssSelector(".error-summary"));
        assertThat(summary.getText())
                .contains("Name: must not be blank", "Variants: weights must add up to 1 (they add up to 1.1)");
        assertThat(summary.getLocation().getY())
                .isLessThan(browser.findElement(By.cssSelector("form.form"))
                        .getLocation()
                        .getY());
        assertThat(summary.findElements(By.tagName("a")))
                .extracting(a -> a.getDomAttribute("href"))
                .containsExactly("#name", "#variants");
        assertThat(script("return document.activeElement.id")).isEqualTo("name");
        screenshots("experiment-form-errors");
    }

    @Test
    void theExperimentsOwnPageStartsPausesResumesAndCompletesIt() {
        Experiment experiment = draft("{\"name\":\"Lifecycle\",\"target_metric\":\"go\",\"control_variant\":\"a\","
                + "\"test_variant\":\"b\"}");
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/" + experiment.key());
        assertThat(buttons()).startsWith("Start|Archive|Edit|");
        browser.findElement(By.xpath("//button[text()='Start']")).click();
        waitForText(By.cssSelector(".flash-success"), "is now running");
        assertThat(browser.getCurrentUrl()).endsWith("/experiments/lifecycle");
        assertThat(buttons()).startsWith("Pause|Complete|Edit settings|");
        browser.findElement(By.xpath("//button[text()='Pause']")).click();
        waitForText(By.cssSelector(".flash-success"), "is now paused");
        assertThat(buttons()).startsWith("Resume|Complete|");
        browser.findElement(By.xpath("//button[text()='Complete']")).click();
        browser.switchTo().alert().accept();
        waitForText(By.cssSelector(".flash-success"), "is now completed");
        assertThat(buttons()).startsWith("Archive|Edit settings|");
        assertThat(experiments.get("lifecycle").status()).isEqualTo(ExperimentStatus.COMPLETED);
    }

    @Test
    void aDraftIsEditedFromItsPageAndItsChangesReadAsWords() {
        Experiment experiment = draft("{\"name\":\"Editable\",\"target_metric\":\"go\",\"control_variant\":\"a\","
                + "\"test_variant\":\"b\"}");
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/" + experiment.key());
        browser.findElement(By.linkText("Edit")).click();
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Editable");
        type("name", "Edited name");
        weights().get(0).clear();
        weights().get(0).sendKeys("0.3");
        weights().get(1).clear();
        weights().get(1).sendKeys("0.7");
        browser.findElement(By.name("sequentialTesting")).click();
        screenshots("experiment-edit");
        submit();
        waitForText(By.cssSelector(".flash-success"), "saved");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Edited name");
        String changes = browser.findElement(By.cssSelector(".change-list")).getText();
        assertThat(changes)
                .contains("Created as a draft with variants a (a) 50%, b (b) 50%")
                .contains("Edited: name “Edited name”; variants a (a) 30%, b (b) 70%; sequential testing on")
                .doesNotContain("{", "\"", "confidence level", "description");
        assertThat(experiments.get(experiment.id()).sequentialTesting()).isTrue();
    }

    @Test
    void aStartedExperimentKeepsItsVariantsButItsSettingsCanChange() {
        Experiment experiment = running("{\"name\":\"Started\",\"target_metric\":\"go\",\"control_variant\":\"a\","
                + "\"test_variant\":\"b\"}");
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/" + experiment.key() + "/edit");
        assertThat(weights().getFirst().getDomAttribute("readonly")).isNotNull();
        type("confidenceLevel", "0.9");
        submit();
        waitForText(By.cssSelector(".flash-success"), "saved");
        assertThat(experiments.get(experiment.id()).confidenceLevel()).isEqualTo(0.9);
        assertThat(browser.findElement(By.cssSelector(".comparison-table")).getText())
                .contains("90% CI");
    }

    /** Items 17, 18 and 20: sequential numbers throughout, power-based progress, value metrics charted, days on the time axis. */
    @Test
    void sequentialResultsShowOneSetOfNumbersAndEveryComparisonIsCharted() {
        Experiment experiment = running("{\"name\":\"Sequential\",\"target_metric\":\"signed_up\","
                + "\"secondary_metrics\":[\"revenue\"],\"sequential_testing\":true,"
                + "\"variants\":[{\"key\":\"old\",\"name\":\"Old form\",\"weight\":0.5},"
                + "{\"key\":\"new\",\"name\":\"New form\",\"weight\":0.5}]}");
        for (int day = 2; day >= 0; day--) {
            Traffic.add(jdbc, dialect, experiment.id(), "old", 400, "signed_up", 48 + day, 1, day);
            Traffic.add(jdbc, dialect, experiment.id(), "new", 400, "signed_up", 52 + 2 * day, 1, day);
            Traffic.add(jdbc, dialect, experiment.id(), "old", 10, "revenue", 6, 20 + day, day);
            Traffic.add(jdbc, dialect, experiment.id(), "new", 10, "revenue", 7, 25 + day, day);
        }
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/" + experiment.key());
        String table = browser.findElement(By.cssSelector(".comparison-table")).getText();
        assertThat(table).contains("Relative change (Holm-adjusted 95% always-valid CI)", "Adjusted p", "Not yet");
        assertThat(browser.findElement(By.id("progress-text")).getText())
                .contains(
                        "participants per variant needed to detect a 10% relative change in conversion with 80% power")
                .contains("Power so far:");
        List<WebElement> charts = browser.findElements(By.cssSelector(".interval-chart svg"));
        assertThat(charts).hasSize(2);
        assertThat(charts.get(1).findElements(By.cssSelector(".row-label")))
                .extracting(WebElement::getText)
                .containsExactly("New form · conversion", "New form · value");

        WebElement chart = waitUpTo(10).until(d -> d.findElement(By.cssSelector("#timeseries-chart canvas")));
        assertThat(browser.findElements(By.cssSelector("#timeseries-chart .u-legend .u-label")))
                .extracting(WebElement::getText)
                .containsExactly("Day", "Old form (control)", "New form");
        // No label of the y axis touches the canvas' left edge (a cut-off "12.5%" reads "ι2.5%").
        Object inked = script(
                "var c = arguments[0], d = c.getContext('2d').getImageData(0, 0, 2, c.height).data;"
                        + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) return true; } return false;",
                chart);
        assertThat(inked).isEqualTo(false);
        new Actions(browser)
                .moveToElement(browser.findElement(By.cssSelector("#timeseries-chart .u-over")))
                .perform();
        assertThat(browser.findElement(By.cssSelector("#timeseries-chart .u-legend .u-series .u-value"))
                        .getText())
                .matches("[A-Z][a-z]{2} \\d{1,2}");
        screenshots("experiment-results-sequential");
    }

    /** Item 19: an A/A result is inconclusive, not "not yet"; without data there are no Bayesian numbers. */
    @Test
    void saysInconclusiveForAnAaTestAndNotEnoughDataWithoutData() {
        Experiment aa = running("{\"name\":\"Same\",\"target_metric\":\"go\",\"control_variant\":\"control\","
                + "\"test_variant\":\"test\"}");
        Traffic.add(jdbc, dialect, aa.id(), "control", 5000, "go", 500, 1, 0);
        Traffic.add(jdbc, dialect, aa.id(), "test", 5000, "go", 501, 1, 0);
        Experiment empty = running("{\"name\":\"Empty\",\"target_metric\":\"go\",\"control_variant\":\"control\","
                + "\"test_variant\":\"test\"}");
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/experiments/" + aa.key());
        WebElement row = browser.findElement(By.cssSelector(".comparison-table tbody tr"));
        assertThat(row.getText())
                .contains("Inconclusive")
                .doesNotContain("not yet")
                .endsWith(" pp");
        assertThat(browser.findElement(By.cssSelector(".comparison-table thead"))
                        .getText())
                .contains("Expected loss if shipped");
        screenshots("experiment-results-aa");
        open("/experiments/" + empty.key());
        row = browser.findElement(By.cssSelector(".comparison-table tbody tr"));
        assertThat(row.getText()).contains("Not enough data").contains("not enough data not enough data");
        assertThat(row.getText()).doesNotContain("50.0%", "33.3%");
    }
}
