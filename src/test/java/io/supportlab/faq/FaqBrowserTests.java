package io.supportlab.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class FaqBrowserTests extends BrowserTest {

    @Autowired
    FaqService faqs;

    @Autowired
    FaqIndexSync sync;

    @BeforeEach
    void knowledgeBase() {
        sync.index().replaceAll(List.of());
        faqs.create(new FaqDraft(
                "How do I reset my password?", "Use the Forgot password link on the login page.", "account", null));
        faqs.create(new FaqDraft(
                "How do I get a refund?", "Refunds for double charges are issued within 5 days.", "billing", null));
        faqs.create(new FaqDraft("Can I export my data?", "Yes, as CSV from Settings > Export.", "technical", null));
    }

    @Test
    void staffAddEditSearchAsTheyTypeAndDelete() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/faq");
        browser.findElement(By.id("question")).sendKeys("How do I change my email address?");
        browser.findElement(By.id("answer")).sendKeys("Open Settings > Account and edit the email field.");
        new Select(browser.findElement(By.id("category"))).selectByValue("account");
        browser.findElement(By.cssSelector("#faq-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
                .isEqualTo("FAQ added");
        assertThat(new Select(browser.findElement(By.id("faq-category"))).getOptions())
                .extracting(WebElement::getText)
                .contains("Account (2)", "Billing (1)");

        WebElement card = browser.findElement(By.xpath("//article[contains(., 'change my email')]"));
        card.findElement(By.partialLinkText("Edit")).click();
        assertThat(browser.findElement(By.id("faq-form-title")).getText()).isEqualTo("Edit FAQ");
        assertThat(browser.findElement(By.id("question")).getAttribute("value"))
                .isEqualTo("How do I change my email address?");
        browser.findElement(By.id("answer")).clear();
        browser.findElement(By.id("answer")).sendKeys("Settings > Account > Email.");
        browser.findElement(By.cssSelector("#faq-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
                .isEqualTo("FAQ updated");

        WebElement search = browser.findElement(By.id("faq-search"));
        for (char c : "pasword".toCharArray()) {
            search.sendKeys(String.valueOf(c));
        }
        waitUpTo(10).until(d -> d.findElement(By.id("faq-list")).getText().contains("for “pasword”"));
        List<WebElement> results = browser.findElements(By.cssSelector("#faq-list .faq-card h3"));
        assertThat(results.getFirst().getText()).isEqualTo("How do I reset my password?");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("faq-search");
        assertThat(browser.findElement(By.cssSelector("#faq-list mark")).getText())
                .isEqualToIgnoringCase("password");
        Browser.screenshot("faq-management");

        search.clear();
        open("/faq");
        browser.findElement(By.xpath("//article[contains(., 'change my email')]"))
                .findElement(By.xpath(".//button[contains(., 'Delete')]"))
                .click();
        browser.switchTo().alert().accept();
        assertThat(browser.findElement(By.cssSelector(".flash-success")).getText())
                .isEqualTo("FAQ deleted");
        assertThat(browser.findElement(By.id("faq-list")).getText()).doesNotContain("change my email");
    }

    @Test
    void customerSeesSuggestionsWhileWritingATicketAndOpeningOneCountsAsDeflection() {
        open("/");
        browser.findElement(By.id("title")).sendKeys("Locked out");
        browser.findElement(By.id("description")).sendKeys("I forgot my password and cannot log in anymore");
        WebElement panel = waitUpTo(10)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions .suggestions")));
        assertThat(panel.findElements(By.cssSelector("li a")).getFirst().getText())
                .isEqualTo("How do I reset my password?");
        Browser.screenshot("ticket-form-suggestions");

        String form = browser.getWindowHandle();
        panel.findElements(By.cssSelector("li a")).getFirst().click();
        waitUpTo(10).until(d -> d.getWindowHandles().size() == 2);
        waitUpTo(10)
                .until(d ->
                        d.findElement(By.id("suggestions")).getText().contains("We opened the article in a new tab"));
        for (String handle : browser.getWindowHandles()) {
            if (!handle.equals(form)) {
                browser.switchTo().window(handle);
                waitUpTo(10)
                        .until(d -> d.findElement(By.tagName("h1")).getText().equals("How do I reset my password?"));
                browser.close();
            }
        }
        browser.switchTo().window(form);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM faq_deflections")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void helpCenterSearchesAsTheCustomerTypes() {
        open("/");
        browser.findElement(By.id("help-q")).sendKeys("refnd");
        waitUpTo(10).until(d -> d.findElement(By.id("help-results")).getText().contains("How do I get a refund?"));
        browser.findElement(By.partialLinkText("refund")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("How do I get a refund?");
        browser.findElement(By.xpath("//button[contains(., 'Yes')]")).click();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Thanks for your feedback");
        Browser.screenshot("help-article");
    }

    @Test
    void helpCenterSearchIsInTheAddressSoAReloadOrALinkKeepsIt() {
        open("/help/search");
        browser.findElement(By.id("help-q")).sendKeys("refund");
        new Select(browser.findElement(By.id("help-category"))).selectByValue("billing");
        waitUpTo(10)
                .until(d -> d.getCurrentUrl().contains("q=refund")
                        && d.getCurrentUrl().contains("category=billing"));

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("help-q")).getAttribute("value")).isEqualTo("refund");
        assertThat(new Select(browser.findElement(By.id("help-category")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("billing");
        assertThat(browser.findElement(By.id("help-results")).getText()).contains("How do I get a refund?");
    }

    @Test
    void faqManagementFiltersAreInTheAddressToo() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        open("/faq");
        new Select(browser.findElement(By.id("faq-category"))).selectByValue("billing");
        browser.findElement(By.id("faq-search")).sendKeys("refund");
        waitUpTo(10)
                .until(d -> d.getCurrentUrl().contains("category=billing")
                        && d.getCurrentUrl().contains("search=refund"));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("faq-search")).getAttribute("value"))
                .isEqualTo("refund");
        assertThat(browser.findElement(By.id("faq-list")).getText()).contains("How do I get a refund?");
    }
}
