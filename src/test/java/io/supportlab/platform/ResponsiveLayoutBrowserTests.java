package io.supportlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportlab.accounts.Caller;
import io.supportlab.accounts.CustomerAccess;
import io.supportlab.accounts.StaffUser;
import io.supportlab.experiments.AssignmentService;
import io.supportlab.experiments.EventInput;
import io.supportlab.experiments.EventService;
import io.supportlab.experiments.Experiment;
import io.supportlab.experiments.ExperimentDefinition;
import io.supportlab.experiments.ExperimentService;
import io.supportlab.experiments.ExperimentStatus;
import io.supportlab.experiments.ResultsService;
import io.supportlab.faq.Faq;
import io.supportlab.faq.FaqDraft;
import io.supportlab.faq.FaqService;
import io.supportlab.testing.Browser;
import io.supportlab.testing.BrowserTest;
import io.supportlab.testing.DatabaseCleaner;
import io.supportlab.tickets.NewReply;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Reply;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketChange;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import io.supportlab.tickets.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page on a phone (390 × 844), a tablet (768 × 1024) and a laptop (1366 × 900): nothing
 * scrolls the page sideways, the header is one short row (up to a tablet, with the navigation behind
 * a menu button), and the icons are the app's own SVGs (issue 15, findings 14 and 15).
 */
class ResponsiveLayoutBrowserTests extends BrowserTest {

    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension TABLET = new Dimension(768, 1024);
    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final int MAX_HEADER_HEIGHT = 64;
    static final String CUSTOMER = "a.rather.long.customer.address@subdomain.example.com";

    /** Lists, as "tag#id.class right=…", the elements that reach past the viewport's right edge. */
    static final String SIDEWAYS_OVERFLOW = """
            var width = window.innerWidth;
            if (document.documentElement.scrollWidth <= width) { return null; }
            function clipped(element) {
              for (var e = element.parentElement; e && e !== document.body; e = e.parentElement) {
                var overflow = getComputedStyle(e).overflowX;
                if (overflow !== "visible" && e.getBoundingClientRect().right <= width + 0.5) { return true; }
              }
              return false;
            }
            var culprits = [];
            document.querySelectorAll("body *").forEach(function (e) {
              var box = e.getBoundingClientRect();
              if (box.width > 0 && box.right > width + 0.5 && !clipped(e)) {
                culprits.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
                  + (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\\s+/).join(".") : "")
                  + " right=" + Math.round(box.right));
              }
            });
            return "page is " + document.documentElement.scrollWidth + " px wide in a " + width
              + " px viewport; past the edge: " + culprits.slice(0, 12).join(", ");
            """;

    @Autowired
    TicketService tickets;

    @Autowired
    CustomerAccess access;

    @Autowired
    FaqService faqs;

    @Autowired
    ExperimentService experiments;

    @Autowired
    AssignmentService assignments;

    @Autowired
    EventService events;

    @Autowired
    ResultsService results;

    @AfterEach
    void restoreWindow() {
        // Other browser tests share this Chromium and expect its default size (Browser.java).
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void helpCenterAndCustomerPortalFitPhoneTabletAndLaptop() {
        Ticket ticket = ticketFrom(CUSTOMER);
        Faq faq = faq();
        List<String> problems = new ArrayList<>();

        for (String page : List.of("/", "/help/search", "/help/search?q=password", "/help/articles/" + faq.id())) {
            check(page, problems);
        }
        check("/login", problems);
        check("/my/link", problems);
        submitTheHelpCenterForm();
        checkCurrent("/help/submitted", problems);

        browser.get(access.accessLink(CUSTOMER).toString().replace("http://localhost:8080", baseUrl()));
        for (String page : List.of("/my/tickets", "/my/tickets/" + ticket.id(), "/my/preferences", "/")) {
            check(page, problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void staffPagesFitPhoneTabletAndLaptop() {
        Ticket ticket = ticketFrom(CUSTOMER);
        faq();
        Experiment experiment = runningExperimentWithData();
        String agentId = agent();
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        createApiToken();
        List<String> problems = new ArrayList<>();

        for (String page : List.of(
                "/tickets",
                "/tickets/" + ticket.id(),
                "/faq",
                "/experiments",
                "/experiments/new",
                "/experiments/" + experiment.key(),
                "/experiments/" + experiment.key() + "/edit",
                "/admin/users",
                "/admin/users/" + agentId,
                "/admin/teams",
                "/admin/teams/" + DatabaseCleaner.GENERAL_TEAM,
                "/account/availability",
                "/account/password",
                "/account/tokens",
                "/macros",
                "/admin/audit",
                "/admin/privacy",
                "/notifications")) {
            check(page, problems);
        }
        open("/tickets");
        resize(PHONE);
        browser.findElement(By.cssSelector("#ticket-" + ticket.id() + " button[hx-get$='/history']"))
                .click();
        waitUpTo(10).until(d -> d.findElement(By.id("app-dialog")).isDisplayed());
        checkCurrent("/tickets?dialog=history", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void phoneHeaderIsOneShortRowUntilTheMenuOpens() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        resize(PHONE);
        open("/tickets");
        Browser.screenshot("responsive-header-closed-390");

        WebElement menu = browser.findElement(By.cssSelector(".topbar .menu-button"));
        assertThat(headerHeight()).isLessThanOrEqualTo(MAX_HEADER_HEIGHT);
        assertThat(menu.getTagName()).isEqualTo("button");
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
        WebElement navigation = browser.findElement(By.id(menu.getAttribute("aria-controls")));
        assertThat(navigation.isDisplayed()).isFalse();

        menu.click();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(navigation.findElements(By.cssSelector("nav a")))
                .extracting(WebElement::getText)
                .containsExactly("Support Tickets", "FAQ Management", "A/B Testing");
        assertThat(navigation.findElements(By.cssSelector("nav a"))).allMatch(WebElement::isDisplayed);
        assertThat(overflow()).isNull();
        Browser.screenshot("responsive-header-open-390");

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(navigation.isDisplayed()).isFalse();
        assertThat(browser.switchTo().activeElement()).isEqualTo(menu);

        menu.sendKeys(Keys.ENTER);
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        browser.findElement(By.linkText("FAQ Management")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/faq"));
        assertThat(headerHeight()).isLessThanOrEqualTo(MAX_HEADER_HEIGHT);
    }

    @Test
    void phoneHeaderOfTheHelpCenterIsOneShortRowToo() {
        resize(PHONE);
        open("/");
        assertThat(headerHeight()).isLessThanOrEqualTo(MAX_HEADER_HEIGHT);
        WebElement menu = browser.findElement(By.cssSelector(".topbar .menu-button"));
        menu.click();
        assertThat(browser.findElement(By.linkText("Staff login")).isDisplayed())
                .isTrue();
    }

    @Test
    void withoutScriptsAPhoneShowsTheNavigationBelowTheBrand() {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            resize(PHONE);
            open("/");
            assertThat(browser.findElement(By.cssSelector(".topbar .menu-button"))
                            .isDisplayed())
                    .isFalse();
            assertThat(browser.findElements(By.cssSelector(".topbar nav a, .topbar .staff-login")))
                    .extracting(WebElement::getText)
                    .containsExactly("Help center", "My tickets", "Staff login");
            assertThat(browser.findElements(By.cssSelector(".topbar nav a, .topbar .staff-login")))
                    .allMatch(WebElement::isDisplayed);
            assertThat(overflow()).isNull();
        } finally {
            chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    @Test
    void laptopShowsTheNavigationWithoutAMenu() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        resize(LAPTOP);
        open("/tickets");
        Browser.screenshot("responsive-header-1366");

        assertThat(browser.findElement(By.cssSelector(".topbar .menu-button")).isDisplayed())
                .isFalse();
        assertThat(browser.findElements(By.cssSelector(".topbar nav a")))
                .hasSize(3)
                .allMatch(WebElement::isDisplayed);
        assertThat(headerHeight()).isLessThanOrEqualTo(MAX_HEADER_HEIGHT);
        assertThat(overflow()).isNull();
    }

    @Test
    void navigationIconsAreTheAppsOwnSvgsInTheTextColour() {
        logInAs(ADMIN_EMAIL, ADMIN_PASSWORD);
        resize(LAPTOP);
        open("/tickets");

        List<WebElement> icons = browser.findElements(By.cssSelector(".topbar nav a .icon"));
        assertThat(icons).hasSize(3);
        for (WebElement icon : icons) {
            assertThat(icon.getAttribute("aria-hidden")).isEqualTo("true");
            assertThat(icon.getSize().getWidth()).isPositive();
            assertThat(icon.getCssValue("background-color"))
                    .isEqualTo(icon.findElement(By.xpath("..")).getCssValue("color"));
            String mask = (String)
                    script("var s = getComputedStyle(arguments[0]); return s.maskImage || s.webkitMaskImage;", icon);
            assertThat(mask).contains("/webjars/bootstrap-icons/icons/");
            String url = mask.replaceAll("^url\\(\"?|\"?\\)$", "");
            anonymous()
                    .get()
                    .uri(url.replace(baseUrl(), ""))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.valueOf("image/svg+xml"));
        }
    }

    private void check(String path, List<String> problems) {
        open(path);
        checkCurrent(path, problems);
    }

    /** The page as it is, at a phone's, a tablet's and a laptop's width. */
    private void checkCurrent(String path, List<String> problems) {
        assertThat(browser.getCurrentUrl()).as("%s was not redirected", path).contains(path.replaceAll("\\?.*", ""));
        for (Dimension size : List.of(PHONE, TABLET, LAPTOP)) {
            resize(size);
            screenshot("responsive"
                    + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "id").replaceAll("[^a-z0-9]+", "-"));
            String overflow = overflow();
            if (overflow != null) {
                problems.add(path + " at " + size.getWidth() + " px: " + overflow);
            }
            if (headerHeight() > MAX_HEADER_HEIGHT) {
                problems.add(path + " at " + size.getWidth() + " px: header is " + headerHeight() + " px high");
            }
        }
        // Text from Java (button labels, verdicts) as well as from the templates.
        String text = (String) script("return document.body.textContent");
        TemplatesWithoutEmojiTests.EMOJI
                .matcher(text)
                .results()
                .forEach(emoji -> problems.add(path + ": shows the symbol " + emoji.group()));
    }

    /** The whole page, for looking at afterwards: the window grows to the page's height and back. */
    private void screenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) script("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int)
                Math.max(window.getHeight(), height + 100)));
        Browser.screenshot(name + "-" + script("return window.innerWidth"));
        browser.manage().window().setSize(window);
    }

    private String overflow() {
        return (String) script(SIDEWAYS_OVERFLOW);
    }

    private long headerHeight() {
        return Math.round(((Number) script("return document.querySelector('.topbar').getBoundingClientRect().height"))
                .doubleValue());
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** Sizes the window until the page itself (the viewport) has the width asked for. */
    private void resize(Dimension size) {
        browser.manage().window().setSize(size);
        long inner = (Long) script("return window.innerWidth");
        if (inner != size.getWidth()) {
            browser.manage().window().setSize(new Dimension(2 * size.getWidth() - (int) inner, size.getHeight()));
        }
        assertThat(script("return window.innerWidth")).isEqualTo((long) size.getWidth());
    }

    private void submitTheHelpCenterForm() {
        open("/");
        browser.findElement(By.id("title")).sendKeys("Cannot download my invoice for March");
        browser.findElement(By.id("description")).sendKeys("The download button does nothing on my phone.");
        browser.findElement(By.id("contactEmail")).sendKeys("phone.user@example.com");
        By submit = By.cssSelector("form.ticket-form button[type=submit]");
        browser.findElement(submit).click();
        waitUpTo(10)
                .until(d -> d.getCurrentUrl().contains("/help/submitted")
                        || !d.findElements(By.id("form-notice")).isEmpty());
        if (!browser.getCurrentUrl().contains("/help/submitted")) {
            browser.findElement(submit).click(); // sent quicker than a person types: confirmed once more
            waitUpTo(10).until(d -> d.getCurrentUrl().contains("/help/submitted"));
        }
    }

    private Ticket ticketFrom(String email) {
        Caller agent = new Caller(ADMIN_EMAIL, true);
        Ticket ticket = tickets.create(
                new NewTicket(
                        "Invoice for March shows the wrong company name and VAT number",
                        "Since the last update every invoice I download shows our old company name.",
                        TicketPriority.HIGH,
                        email),
                null);
        tickets.change(
                ticket.id(),
                new TicketChange(
                        TicketStatus.IN_PROGRESS,
                        null,
                        ADMIN_EMAIL,
                        null,
                        "Looking into it",
                        null,
                        List.of("invoices", "vat", "a-tag-of-the-longest-kind-fifty-characters-long-xy")),
                null,
                agent);
        tickets.reply(
                ticket.id(),
                new NewReply("We found the cause and will send corrected invoices.", Reply.Visibility.PUBLIC),
                agent);
        return ticket;
    }

    private Faq faq() {
        return faqs.create(new FaqDraft(
                "How do I reset my password?",
                "Open the login page, choose 'Forgot password' and follow the link we email you.",
                "account",
                null));
    }

    private Experiment runningExperimentWithData() {
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
        Experiment draft = experiments.create(json.readValue("""
                        {"name": "Checkout button wording on the pricing page", "key": "checkout-button-wording",
                         "target_metric": "checkout_completed", "secondary_metrics": ["plan_upgraded"],
                         "hypothesis": "A clearer call to action lifts checkouts.", "minimum_sample_size": 50,
                         "variants": [{"key": "control", "name": "Buy now", "weight": 0.34},
                                      {"key": "clear", "name": "Start my subscription", "weight": 0.33},
                                      {"key": "short", "name": "Subscribe", "weight": 0.33}]}
                        """, ExperimentDefinition.class), ADMIN_EMAIL);
        Experiment running = experiments.changeStatus(draft.id(), ExperimentStatus.RUNNING, ADMIN_EMAIL);
        for (int i = 0; i < 150; i++) {
            String visitor = "visitor-" + i;
            String variant =
                    assignments.assign(running.key(), visitor, Map.of()).variant();
            if (i % (variant.equals("clear") ? 3 : 5) == 0) {
                events.track(
                        running.key(), new EventInput(null, visitor, "checkout_completed", 19.0, null, null, null));
            }
            if (i % 7 == 0) {
                events.track(running.key(), new EventInput(null, visitor, "plan_upgraded", 1.0, null, null, null));
            }
        }
        results.calculate(running.key());
        return running;
    }

    private String agent() {
        return admin().post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"email": "second.agent.with.a.long.name@subdomain.example.com", "display_name": "Second Agent",
                         "password": "quiet-harbor-kestrel-41", "role": "agent"}""")
                .exchangeSuccessfully()
                .returnResult(StaffUser.class)
                .getResponseBody()
                .id();
    }

    private void createApiToken() {
        open("/account/tokens");
        browser.findElement(By.id("name")).sendKeys("nightly reporting script");
        browser.findElement(By.cssSelector("form[action='/account/tokens'] button[type=submit]"))
                .click();
        waitUpTo(10).until(d -> !d.findElements(By.id("token-secret")).isEmpty());
    }
}
