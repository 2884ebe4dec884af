package io.leadbridge.webapps;

import io.leadbridge.support.Chromium;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * One of Camunda's webapps (Tasklist, Cockpit) in a real browser, reached the way a person does:
 * its address, its own login page, typed into and clicked. Screenshots and DOM dumps go to
 * {@code target/webapp-screenshots/}.
 */
abstract class WebappPage implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "webapp-screenshots");

    /** Half the height of the 1440 × 1000 window's page area, in CSS pixels. */
    private static final int MIDDLE_OF_THE_SCREEN = 400;

    protected final Chromium browser;
    protected final ChromeDriver driver;

    protected WebappPage(Chromium browser, int port, String app) {
        this.browser = browser;
        this.driver = browser.driver();
        driver.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    }

    /** Types the username and password into the webapp's login page and clicks "Log in". */
    void logIn(String username, String password) {
        browser.waitFor("the login page", () -> usernameField().isDisplayed());
        usernameField().sendKeys(username);
        driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys(password);
        WebElement button = driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]"));
        browser.waitFor("the \"Log in\" button", button::isEnabled);
        button.click();
    }

    /** What the login page says after a refused login: the notification's title and message. */
    String loginRefusal() {
        By notice = By.cssSelector(".notifications-panel .alert-danger, .notifications .alert-danger");
        browser.waitFor("the login page's refusal", () -> driver.findElements(notice).stream()
                .anyMatch(WebElement::isDisplayed));
        return String.join(" ", driver.findElements(notice).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList()).replaceAll("\\s+", " ").trim();
    }

    boolean loginPageShown() {
        List<WebElement> fields = driver.findElements(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
        return !fields.isEmpty() && fields.get(0).isDisplayed();
    }

    /** Everything the browser shows now, as text. */
    String visibleText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The page's whole DOM, including what is hidden. */
    String source() {
        return driver.getPageSource();
    }

    /** A PNG (and the DOM as HTML) under target/webapp-screenshots, for a person to look at. */
    void screenshot(String name) {
        browser.screenshot(name);
        browser.dump(name);
    }

    /**
     * Clicks an element the way a person reaches it: first scrolls it with the mouse wheel to the
     * middle of its panel, since Camunda's fixed footer covers the lowest lines of a long form.
     */
    protected void click(WebElement element) {
        new Actions(driver).scrollToElement(element).perform();
        Rectangle at = element.getRect();
        int middle = at.getY() + at.getHeight() / 2;
        if (middle > MIDDLE_OF_THE_SCREEN) {
            // The wheel turns over the element's panel, above the footer, as a person's mouse would.
            new Actions(driver).scrollFromOrigin(WheelInput.ScrollOrigin.fromViewport(at.getX() + 1,
                    MIDDLE_OF_THE_SCREEN), 0, middle - MIDDLE_OF_THE_SCREEN).perform();
        }
        element.click();
    }

    private WebElement usernameField() {
        return driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
    }

    @Override
    public void close() {
        browser.close();
    }
}
