package io.leadbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium at 1440 × 1000, driven through chromedriver, with a fresh profile
 * deleted on close. Nothing is downloaded at test time. Pages are driven as a person would: real
 * clicks and key presses through {@link #driver()}, waits on what the page shows
 * ({@link #waitFor}), and screenshots and the DOM kept under {@code target/} for a person to look at.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static {
        // Selenium warns on every start that it has no DevTools classes for this Chromium; none are used.
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Chromium(Path screenshots, int width, int height, Consumer<ChromeOptions> settings) throws IOException {
        this.screenshots = screenshots;
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--no-default-browser-check", "--lang=en-US",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        settings.accept(options);
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** A 1440 × 1000 browser whose screenshots and page dumps go to the given folder under {@code target/}. */
    public static Chromium start(Path screenshots) throws IOException {
        return start(screenshots, 1440, 1000, options -> { });
    }

    /**
     * A browser of the given window size; {@code settings} may add to the options (its own
     * {@code prefs}, which replace the language preference, or a phone's screen).
     */
    public static Chromium start(Path screenshots, int width, int height, Consumer<ChromeOptions> settings)
            throws IOException {
        return new Chromium(screenshots, width, height, settings);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits until the check holds; when it never does, keeps a screenshot and the DOM and names what the page showed. */
    public void waitFor(String what, Check check) {
        try {
            new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(d -> {
                try {
                    return check.holds();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (TimeoutException e) {
            String name = "failed-waiting-" + System.currentTimeMillis();
            Path picture = screenshot(name);
            dump(name);
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "; the page (" + picture
                    + ") says: " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** The whole page, also what is scrolled out of view, as a PNG for a person to look at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                    .get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                    "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
            String png = (String) driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode(png));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's DOM as HTML next to the screenshots, to find what to wait for. */
    public Path dump(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".html");
            Files.writeString(file, driver.getPageSource(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    /** Deletes a temporary folder of the browser's; one left behind is no failure of the page under test. */
    public static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // left for the operating system's temporary folder clean-up
        }
    }

    /** Fails, saying how to install them or skip the test, when Chromium or chromedriver is missing. */
    public static void assertInstalled(String test) {
        assertThat(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER))
                .as(test + " needs Debian's Chromium and its driver at " + BINARY + " and " + DRIVER
                        + ": apt-get install chromium chromium-driver (.ci/run does so), or skip the browser tests "
                        + "with -Dskip.browser.tests=true")
                .isTrue();
    }

    /** What a test waits for; may read files (a download). */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws IOException;
    }
}
