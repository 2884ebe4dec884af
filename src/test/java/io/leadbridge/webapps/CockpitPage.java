package io.leadbridge.webapps;

import io.leadbridge.support.Chromium;
import java.io.IOException;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda Cockpit as a vendor admin uses it: the header's "Processes", the list of process
 * definitions, a definition's running instances.
 */
final class CockpitPage extends WebappPage {

    private static final By PROCESSES = By.cssSelector(".sections-menu a[href='#/processes']");

    private CockpitPage(Chromium browser, int port) {
        super(browser, port, "cockpit");
    }

    static CockpitPage open(int port) throws IOException {
        return new CockpitPage(Chromium.start(SCREENSHOTS), port);
    }

    /** Logs in and waits for Cockpit's dashboard and its header. */
    void logInAndWait(String username, String password) {
        logIn(username, password);
        browser.waitFor("Cockpit's dashboard", () -> driver.findElement(PROCESSES).isDisplayed());
    }

    /** Clicks "Processes" in the header, then the process definition by its name. */
    void openProcess(String name) {
        click(driver.findElement(PROCESSES));
        By definition = By.linkText(name);
        browser.waitFor("the process definition " + name, () -> driver.findElement(definition).isDisplayed());
        click(driver.findElement(definition));
        browser.waitFor("the running instances of " + name, () -> !instances().isEmpty());
    }

    /** The rows of the open definition's "Process Instances" tab (id, start time, business key), by row. */
    List<List<String>> instances() {
        return driver.findElements(By.cssSelector("table.process-instances tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::trim)
                        .toList())
                .filter(cells -> !cells.isEmpty()).toList();
    }
}
