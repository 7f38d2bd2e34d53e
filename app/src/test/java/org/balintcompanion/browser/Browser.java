package org.balintcompanion.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person's headless Chromium (its own profile, so its own session storage), with bounded waits. */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final String who;
    final ChromeDriver driver;
    private final List<String> seenLogs = new ArrayList<>();

    private Browser(String who, ChromeDriver driver) {
        this.who = who;
        this.driver = driver;
    }

    /**
     * @param language the browser's preferred language ("fr-FR,fr" or "en-US,en"), as navigator.languages reports it
     */
    static Browser start(String who, int width, int height, String language) {
        return start(who, width, height, language, new String[0]);
    }

    /** A fake camera and microphone that the page may use without a permission prompt (for the tech check). */
    static final String[] FAKE_MEDIA = {"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"};

    static Browser start(String who, int width, int height, String language, String... extraArguments) {
        return start(who, width, height, language, Map.of(), extraArguments);
    }

    /** A browser whose clock reads in {@code zone} ("America/Montreal"), as a person's computer there does. */
    static Browser startInZone(String zone, String who, int width, int height, String language) {
        return start(who, width, height, language, Map.of("TZ", zone));
    }

    private static Browser start(String who, int width, int height, String language, Map<String, String> environment,
                                 String... extraArguments) {
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .withEnvironment(environment).build();
        var options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--lang=" + language.split(",")[0]);
        options.addArguments(extraArguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        return new Browser(who, new ChromeDriver(service, options));
    }

    void open(String url) {
        // A new link in a tab showing the same page only changes the fragment; start from a blank page instead.
        driver.get("about:blank");
        driver.get(url);
    }

    WebElement find(String css) { return driver.findElement(By.cssSelector(css)); }

    List<WebElement> findAll(String css) { return driver.findElements(By.cssSelector(css)); }

    boolean isShown(String css) {
        List<WebElement> found = findAll(css);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    String text(String css) { return find(css).getText(); }

    void click(String css) {
        WebElement e = await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).isDisplayed() && found.get(0).isEnabled() ? found.get(0) : null;
        }, "clickable " + css);
        e.click();
    }

    <T> T await(ExpectedCondition<T> condition, String what) {
        // Pages re-render parts of themselves: an element found a moment ago may have been replaced; look again.
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(25)).withMessage(() -> who + ": waiting for " + what)
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    void awaitShown(String css) { await(d -> isShown(css), css + " shown"); }

    void awaitHidden(String css) { await(d -> !isShown(css), css + " hidden"); }

    void awaitText(String css, String contains) {
        await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(contains);
        }, "'" + contains + "' in " + css);
    }

    void awaitAttribute(String css, String attribute, String value) {
        await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && value.equals(found.get(0).getDomAttribute(attribute));
        }, css + "[" + attribute + "=" + value + "]");
    }

    /** The page's socket is open and it holds a snapshot. */
    void awaitConnected() { awaitAttribute("body", "data-conn", "open"); }

    Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    void resize(int width, int height) { driver.manage().window().setSize(new Dimension(width, height)); }

    /** Errors the page logged (console errors, failed loads, CSP violations) since the last call. */
    List<String> severeLogs() {
        var out = new ArrayList<String>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            String line = e.getLevel() + " " + e.getMessage();
            seenLogs.add(line);
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) out.add(line);
        }
        return out;
    }

    /** A screenshot of the whole page at this width: the window grows to the page's height first. */
    void screenshot(Path file, int width) throws IOException {
        resize(width, 900);
        long chrome = ((Number) js("return window.outerHeight - window.innerHeight")).longValue();
        long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        resize(width, (int) Math.min(Math.max(height, 700) + chrome, 4000));
        js("window.scrollTo(0, 0)");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(file.getParent());
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** A screenshot of what the window shows now, as a person sees it without scrolling. */
    void screenshotOfTheWindow(Path file) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(file.getParent());
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /**
     * The serious and critical accessibility violations axe-core finds in the page as it is now (WCAG 2.1 A and AA,
     * axe's best practices, and its experimental rules such as "label in name"), one line each: rule, then elements.
     */
    @SuppressWarnings("unchecked")
    List<String> axeViolations() {
        if (!Boolean.TRUE.equals(js("return !!window.axe"))) js(Axe.SOURCE);
        var found = (List<String>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {
                  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental'] },
                  resultTypes: ['violations'],
                }).then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)))
                  .catch((e) => done(['axe failed: ' + e]));""");
        return found;
    }

    /** axe-core's script, from its webjar on the test class path. */
    private static final class Axe {
        static final String SOURCE = load();

        private static String load() {
            var loader = Browser.class.getClassLoader();
            try (var props = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                var p = new java.util.Properties();
                p.load(props);
                String path = "META-INF/resources/webjars/axe-core/" + p.getProperty("version") + "/axe.min.js";
                try (var in = loader.getResourceAsStream(path)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("axe-core is not on the test class path (org.webjars.npm:axe-core)", e);
            }
        }
    }

    @Override public void close() { driver.quit(); }
}
