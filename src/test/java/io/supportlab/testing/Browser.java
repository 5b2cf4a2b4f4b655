package io.supportlab.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium per test JVM, driven through Debian's chromedriver. Selenium
 * Manager never runs, so nothing is downloaded.
 */
public final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static ChromeDriver driver;

    private Browser() {}

    public static boolean installed() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public static synchronized ChromeDriver driver() {
        if (driver == null) {
            driver = start();
            ChromeDriver started = driver;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "quit-chromium"));
        }
        return driver;
    }

    /** Saves a screenshot under target/screenshots, for looking at a page after a test. */
    public static Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver().getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the pages logged as errors to the browser's console since the last call. */
    public static java.util.List<String> consoleErrors() {
        return driver().manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .toList();
    }

    private static ChromeDriver start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("supportlab-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                // A page left for the next one must close its event stream now: kept in the back-forward
                // cache, its connection counts against the six a browser opens to one host.
                "--disable-features=BackForwardCache",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        // The console, for tests that check a page logs no errors (such as refused by the CSP).
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A click that submits a form returns before the next page has loaded, more so on a busy
        // machine: lookups keep trying for a while instead of failing on the old page.
        chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestSqlite.deleteRecursively(profile), "delete-profile"));
        return chrome;
    }
}
