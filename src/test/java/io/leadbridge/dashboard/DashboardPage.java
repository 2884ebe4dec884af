package io.leadbridge.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless Chromium, driven through chromedriver the way a person uses
 * it: the login form, the filter fields and their Apply button, the CSV buttons, the links of the
 * lead list. Each page has a fresh browser profile and download folder, deleted on close.
 */
final class DashboardPage implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /**
     * Selenium warns on every start that it has no DevTools classes for this Chromium's version;
     * the test uses none (chromedriver runs its CDP commands), so the warning is only noise.
     */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final String baseUrl;

    private DashboardPage(int port, boolean phone) throws IOException {
        baseUrl = "http://localhost:" + port + "/";
        profile = Files.createTempDirectory("dashboard-chromium-");
        downloads = Files.createTempDirectory("dashboard-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--no-default-browser-check", "--lang=en-US",
                "--window-size=1366,900", "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("download.default_directory", downloads.toAbsolutePath().toString());
        preferences.put("download.prompt_for_download", false);
        preferences.put("intl.accept_languages", "en-US");
        options.setExperimentalOption("prefs", preferences);
        if (phone) {
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", 375, "height", 812, "pixelRatio", 2.0)));
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    }

    /** A desktop-sized browser (1366 × 900) on the dashboard's address, not logged in yet. */
    static DashboardPage open(int port) throws IOException {
        DashboardPage page = new DashboardPage(port, false);
        page.driver.get(page.baseUrl);
        return page;
    }

    /** A phone-sized browser (375 CSS pixels wide) on the dashboard's address. */
    static DashboardPage openOnAPhone(int port) throws IOException {
        DashboardPage page = new DashboardPage(port, true);
        page.driver.get(page.baseUrl);
        return page;
    }

    /** Opens an address of the dashboard, e.g. {@code ?partner=x}, in the same tab. */
    void go(String relative) {
        driver.get(baseUrl + relative);
    }

    void logIn(String username, String password) {
        waitFor("the login form", () -> driver.findElement(By.id("login-view")).isDisplayed());
        WebElement name = driver.findElement(By.id("login-username"));
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    /** Logs in and waits until every section of the dashboard has answered. */
    void logInAndWait(String username, String password) {
        logIn(username, password);
        waitUntilReady();
    }

    void waitUntilReady() {
        waitFor("the dashboard to load", () -> "ready".equals(attribute("dashboard-view", "data-state")));
        waitFor("the dashboard's sections to settle", () -> driver.findElements(By.cssSelector("[data-state=loading]"))
                .stream().noneMatch(WebElement::isDisplayed));
    }

    boolean loginFormShown() {
        return driver.findElement(By.id("login-view")).isDisplayed();
    }

    /** The reason the login form gives, once it gives one. */
    String loginRefusal() {
        waitFor("the login form's message", () -> driver.findElement(By.id("login-message")).isDisplayed());
        return driver.findElement(By.id("login-message")).getText();
    }

    /** How many CSS pixels the page is wider than the screen. */
    long horizontalOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
    }

    void logOut() {
        driver.findElement(By.id("logout")).click();
        waitFor("the login form after logging out", this::loginFormShown);
    }

    /** What the browser keeps for this tab: the credentials are here while logged in. */
    long storedItems() {
        return ((Number) script("return sessionStorage.length")).longValue();
    }

    /** The value and the line under it of a KPI tile, e.g. {@code won} → ["2", "worth €39,000"]. */
    List<String> tile(String name) {
        WebElement tile = driver.findElement(By.id("kpi-" + name));
        return List.of(tile.findElement(By.className("value")).getText(), tile.findElement(By.className("sub")).getText());
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    /** Sets a filter field: a select by its option's value, a text or date field by its value. */
    void filter(String name, String value) {
        WebElement field = driver.findElement(By.id("f-" + name));
        if ("select".equals(field.getTagName())) {
            new Select(field).selectByValue(value);
        } else {
            script("arguments[0].value = arguments[1]", field, value);
        }
    }

    /** Presses Apply and waits for every section to answer the new filters. */
    void apply() {
        driver.findElement(By.id("apply-filters")).click();
        waitUntilReady();
    }

    void choose(String selectId, String value) {
        new Select(driver.findElement(By.id(selectId))).selectByValue(value);
        waitUntilReady();
    }

    /** The rows of a table the page rendered into the element, cell texts by row. */
    List<List<String>> table(String id) {
        return driver.findElements(By.cssSelector("#" + id + " tbody tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(cell -> cell.getDomProperty("textContent").trim()).toList())
                .toList();
    }

    /** Presses a section's "Download CSV" and returns the file the browser saved. */
    Path downloadCsv(String report) {
        WebElement button = driver.findElement(By.cssSelector("button[data-csv=" + report + "]"));
        String before = button.getDomAttribute("data-downloaded");
        button.click();
        waitFor("the " + report + " CSV", () -> {
            String name = button.getDomAttribute("data-downloaded");
            return name != null && !name.equals(before) && Files.isRegularFile(downloads.resolve(name));
        });
        Path file = downloads.resolve(button.getDomAttribute("data-downloaded"));
        waitFor("the download to finish", () -> {
            try (Stream<Path> partial = Files.list(downloads)) {
                return partial.noneMatch(p -> p.toString().endsWith(".crdownload")) && Files.size(file) > 0;
            }
        });
        return file;
    }

    /** Opens a lead from the lead list and waits for its timeline. */
    void openLead(long id) {
        driver.findElement(By.cssSelector("#leads-table a[href='#lead/" + id + "']")).click();
        waitFor("lead " + id, () -> "ready".equals(attribute("lead-view", "data-state"))
                && driver.findElement(By.id("lead-view")).isDisplayed());
    }

    /** The Tasklist links of the open lead, once its tasks have been asked for. */
    List<String> taskLinks() {
        waitFor("the lead's tasks", () -> !driver.findElements(By.cssSelector("#lead-task a")).isEmpty());
        return driver.findElements(By.cssSelector("#lead-task a")).stream().map(a -> a.getDomProperty("href")).toList();
    }

    List<String> timeline() {
        return driver.findElements(By.cssSelector("#lead-timeline li .event")).stream().map(WebElement::getText)
                .toList();
    }

    void backToDashboard() {
        driver.findElement(By.cssSelector("#lead-view a.back")).click();
        waitFor("the dashboard", () -> driver.findElement(By.id("dashboard-view")).isDisplayed());
    }

    /** Everything the page holds now: its DOM as HTML, including hidden tables and chart descriptions. */
    String source() {
        return (String) script("return document.documentElement.outerHTML");
    }

    /** How many times the Content Security Policy refused something on this page. */
    int policyRefusals() {
        String count = driver.findElement(By.tagName("html")).getDomAttribute("data-csp-violations");
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** The whole page as a PNG under target/dashboard-screenshots, for a person to look at. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                    .get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                    "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
            String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode(png));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String attribute(String id, String name) {
        return driver.findElement(By.id(id)).getDomAttribute(name);
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits until the check holds; when it never does, keeps a screenshot and names what the page showed. */
    private void waitFor(String what, Check check) {
        try {
            new WebDriverWait(driver, PATIENCE).until(d -> {
                try {
                    return check.holds();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (TimeoutException e) {
            Path picture = screenshot("failed-waiting-" + System.currentTimeMillis());
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; the page (" + picture
                    + ") says: " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the dashboard
        }
    }

    static void assertBrowserInstalled() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The dashboard's browser test needs Debian's Chromium and its driver at " + CHROMIUM + " and "
                        + CHROMEDRIVER + ": apt-get install chromium chromium-driver (.ci/run does so), or skip the "
                        + "test with -Dskip.browser.tests=true")
                .isTrue();
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws IOException;
    }
}
