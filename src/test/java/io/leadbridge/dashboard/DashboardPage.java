package io.leadbridge.dashboard;

import io.leadbridge.support.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in Debian's headless Chromium, driven through chromedriver the way a person uses
 * it: the login form, the filter fields and their Apply button, the CSV buttons, the links of the
 * lead list. Each page has a fresh browser profile and download folder, deleted on close.
 */
final class DashboardPage implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private final Chromium browser;
    private final ChromeDriver driver;
    private final Path downloads;
    private final String baseUrl;

    private DashboardPage(int port, boolean phone) throws IOException {
        baseUrl = "http://localhost:" + port + "/";
        downloads = Files.createTempDirectory("dashboard-downloads-");
        browser = Chromium.start(SCREENSHOTS, 1366, 900, options -> {
            Map<String, Object> preferences = new HashMap<>();
            preferences.put("download.default_directory", downloads.toAbsolutePath().toString());
            preferences.put("download.prompt_for_download", false);
            preferences.put("intl.accept_languages", "en-US");
            options.setExperimentalOption("prefs", preferences);
            if (phone) {
                options.setExperimentalOption("mobileEmulation",
                        Map.of("deviceMetrics", Map.of("width", 375, "height", 812, "pixelRatio", 2.0)));
            }
        });
        driver = browser.driver();
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

    /** Enters a closure in the partner calendar's form under the scorecard and waits for the list to show it. */
    void addClosure(String firstDay, String lastDay, String reason) {
        int before = table("partner-closures").size();
        script("arguments[0].value = arguments[1]", driver.findElement(By.id("closure-first")), firstDay);
        script("arguments[0].value = arguments[1]", driver.findElement(By.id("closure-last")), lastDay);
        script("arguments[0].value = arguments[1]", driver.findElement(By.id("closure-reason")), reason);
        driver.findElement(By.cssSelector("#partner-calendar form button[type=submit]")).click();
        waitFor("the closure " + reason, () -> has("partner-closures")
                && table("partner-closures").stream().anyMatch(row -> row.contains(reason))
                && table("partner-closures").size() >= Math.max(1, before));
    }

    /** Presses a closure's Remove button and waits until the list no longer shows its reason. */
    void removeClosure(String reason) {
        driver.findElements(By.cssSelector("#partner-closures tbody tr")).stream()
                .filter(row -> row.getText().contains(reason)).findFirst().orElseThrow()
                .findElement(By.tagName("button")).click();
        waitFor("the closure " + reason + " to go", () -> has("partner-closures")
                && table("partner-closures").stream().noneMatch(row -> row.contains(reason)));
    }

    /** Submits the closure form with the given dates and waits for the refusal the server answered. */
    String refusedClosure(String firstDay, String lastDay) {
        script("arguments[0].value = arguments[1]", driver.findElement(By.id("closure-first")), firstDay);
        script("arguments[0].value = arguments[1]", driver.findElement(By.id("closure-last")), lastDay);
        driver.findElement(By.cssSelector("#partner-calendar form button[type=submit]")).click();
        waitFor("the refusal", () -> driver.findElement(By.cssSelector("#partner-calendar .message.error")).isDisplayed());
        return driver.findElement(By.cssSelector("#partner-calendar .message.error")).getText();
    }

    /** Opens a lead from the lead list and waits for its timeline. */
    void openLead(long id) {
        driver.findElement(By.cssSelector("#leads-table a[href='#lead/" + id + "']")).click();
        waitFor("lead " + id, () -> "ready".equals(attribute("lead-view", "data-state"))
                && driver.findElement(By.id("lead-view")).isDisplayed());
    }

    /** Opens a lead by its address, as a link or a bookmark does, and waits for it. */
    void goToLead(long id) {
        go("#lead/" + id);
        waitFor("lead " + id, () -> "ready".equals(attribute("lead-view", "data-state"))
                && driver.findElement(By.id("lead-view")).isDisplayed());
    }

    /** Opens a lead by its address and waits until the page says it may not be shown. */
    void goToLeadExpectingRefusal(long id) {
        go("#lead/" + id);
        waitFor("the refusal of lead " + id, () -> "error".equals(attribute("lead-view", "data-state"))
                && driver.findElement(By.id("lead-view")).isDisplayed());
    }

    /** Follows the open lead's link to its account and waits for the account's page. */
    void openAccountOfLead() {
        waitFor("the link to the lead's account", () -> !driver.findElements(By.id("account-link")).isEmpty());
        driver.findElement(By.id("account-link")).click();
        waitFor("the account", () -> "ready".equals(attribute("account-view", "data-state"))
                && driver.findElement(By.id("account-view")).isDisplayed());
    }

    /** Opens an account by its address and answers how its page ended: ready or error. */
    String goToAccount(long id) {
        go("#account/" + id);
        waitFor("account " + id, () -> driver.findElement(By.id("account-view")).isDisplayed()
                && !"loading".equals(attribute("account-view", "data-state")));
        return attribute("account-view", "data-state");
    }

    /** Clicks "Deals" in the top bar and waits for the deals page to answer. */
    void openDeals() {
        driver.findElement(By.id("deals-link")).click();
        waitFor("the deals", () -> driver.findElement(By.id("deals-view")).isDisplayed()
                && "ready".equals(attribute("deals-view", "data-state")));
    }

    /** Whether the deals page offers "Register a deal" (only to partner users). */
    boolean dealFormShown() {
        return driver.findElement(By.id("deal-register")).isDisplayed();
    }

    /** Types (or, for a select, chooses) one field of "Register a deal" by its name. */
    void dealField(String name, String value) {
        WebElement field = driver.findElement(By.cssSelector("#deal-form [name=" + name + "]"));
        if ("select".equals(field.getTagName())) {
            new org.openqa.selenium.support.ui.Select(field).selectByValue(value);
        } else if ("date".equals(field.getDomAttribute("type"))) {
            script("arguments[0].value = arguments[1]", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    /** Clicks "Register the deal" and answers the message the page shows then. */
    String registerDeal() {
        String before = driver.findElement(By.id("deal-form-message")).getText();
        driver.findElement(By.id("deal-submit")).click();
        waitFor("the registration's answer", () -> driver.findElement(By.id("deal-form-message")).isDisplayed()
                && !driver.findElement(By.id("deal-form-message")).getText().equals(before));
        return driver.findElement(By.id("deal-form-message")).getText();
    }

    /** The names of the deal form's fields marked invalid. */
    List<String> invalidDealFields() {
        return driver.findElements(By.cssSelector("#deal-form [aria-invalid=true]")).stream()
                .map(f -> f.getDomAttribute("name")).toList();
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

    /** Clicks "Team" (or "My profile") in the header and waits for the team page. */
    void openTeam() {
        driver.findElement(By.id("team-link")).click();
        waitForTeam();
    }

    /** Opens the team page by its address, e.g. {@code #team/alpha}, and answers how it ended: ready or error. */
    String goToTeam(String partnerId) {
        go("#team/" + partnerId);
        waitFor("the team page", () -> driver.findElement(By.id("team-view")).isDisplayed()
                && !"loading".equals(attribute("team-view", "data-state")));
        return attribute("team-view", "data-state");
    }

    /** Chooses another partner in the team page's picker (vendor users) and waits for its team. */
    void chooseTeamOf(String partnerId) {
        new Select(driver.findElement(By.id("team-partner"))).selectByValue(partnerId);
        waitFor("the team of " + partnerId, () -> "ready".equals(attribute("team-view", "data-state"))
                && has("team-table") && !driver.findElements(By.cssSelector("#team-table tbody tr[data-rep]")).isEmpty()
                && partnerId.equals(new Select(driver.findElement(By.id("team-partner")))
                        .getFirstSelectedOption().getDomAttribute("value")));
    }

    /** The usernames of the team table's rows. */
    List<String> teamMembers() {
        return driver.findElements(By.cssSelector("#team-table tbody tr[data-rep]")).stream()
                .map(row -> row.getDomAttribute("data-rep")).toList();
    }

    /** The cell texts of one person's row in the team table. */
    List<String> teamRow(String username) {
        return driver.findElement(By.cssSelector("#team-table tr[data-rep='" + username + "']"))
                .findElements(By.cssSelector("th, td")).stream()
                .map(cell -> cell.getDomProperty("textContent").trim()).toList();
    }

    /** How many elements the page shows for the CSS selector (e.g. the edit buttons). */
    int count(String css) {
        return (int) driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).count();
    }

    /** Clicks "Edit profile" of one person and waits for the form. */
    void editProfile(String username) {
        driver.findElement(By.cssSelector("button[data-edit='" + username + "']")).click();
        waitFor("the profile form", () -> shown("profile-form"));
    }

    /** Types into a field of the profile form (pf-capacity, pf-languages, pf-awayFrom...), replacing its value. */
    void profileField(String name, String value) {
        WebElement field = driver.findElement(By.id("pf-" + name));
        if ("select".equals(field.getTagName())) {
            new Select(field).selectByValue(value);
        } else if ("datetime-local".equals(field.getDomAttribute("type"))) {
            script("arguments[0].value = arguments[1]", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    /**
     * Clicks "Save profile" and waits until the team shows again (answers null) or the form says why it
     * was refused (answers that text).
     */
    String saveProfile() {
        driver.findElement(By.cssSelector("#profile-form button[type=submit]")).click();
        waitFor("the profile to be saved or refused", () -> ("ready".equals(attribute("team-view", "data-state"))
                && !driver.findElement(By.id("profile-card")).isDisplayed())
                || shown("profile-errors"));
        return shown("profile-errors") ? text("profile-errors") : null;
    }

    /** Whether the page marks the field invalid (aria-invalid), and the message under it. */
    String fieldProblem(String id) {
        WebElement field = driver.findElement(By.id(id));
        if (!"true".equals(field.getDomAttribute("aria-invalid"))) {
            return null;
        }
        WebElement under = driver.findElement(By.id(id + "-error"));
        return under.isDisplayed() ? under.getText() : "";
    }

    /** Sets the dispatch check boxes by clicking them as needed, presses "Save dispatch" and waits for "Saved." */
    void saveDispatch(boolean teamQueue, boolean manualDispatch) {
        for (Map.Entry<String, Boolean> box : Map.of("dispatch-team-queue", teamQueue, "dispatch-manual",
                manualDispatch).entrySet()) {
            WebElement input = driver.findElement(By.id(box.getKey()));
            if (input.isSelected() != box.getValue()) {
                input.click();
            }
        }
        driver.findElement(By.cssSelector("#dispatch-form button[type=submit]")).click();
        waitFor("the dispatch to be saved", () -> has("dispatch-saved")
                && driver.findElement(By.id("dispatch-saved")).isDisplayed());
    }

    /** Clicks a person's role button ("Make lead manager" / "Make rep") and waits for the role to change. */
    void changeRole(String username, String newRole) {
        driver.findElement(By.cssSelector("button[data-role='" + username + "']")).click();
        waitFor(username + " to become " + newRole, () -> "ready".equals(attribute("team-view", "data-state"))
                && !driver.findElements(By.cssSelector("#team-table tr[data-rep='" + username + "']")).isEmpty()
                && teamRow(username).get(1).equals(newRole));
    }

    /** Whether the open lead offers the reassign form. */
    boolean offersReassign() {
        return has("reassign-form") && driver.findElement(By.id("lead-reassign")).isDisplayed();
    }

    /**
     * Fills the lead page's reassign form and presses "Reassign"; waits until the lead shows again with
     * one more event on its timeline (answers null) or the form says why it was refused (answers that).
     */
    String reassign(String rep, String note) {
        waitFor("the reassign form", this::offersReassign);
        int before = timeline().size();
        new Select(driver.findElement(By.id("reassign-rep"))).selectByValue(rep);
        WebElement field = driver.findElement(By.id("reassign-note"));
        field.clear();
        if (!note.isEmpty()) {
            field.sendKeys(note);
        }
        driver.findElement(By.cssSelector("#reassign-form button[type=submit]")).click();
        waitFor("the move or its refusal", () -> ("ready".equals(attribute("lead-view", "data-state"))
                && timeline().size() > before) || shown("reassign-message"));
        return shown("reassign-message") ? text("reassign-message") : null;
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
        return browser.screenshot(name);
    }

    private String attribute(String id, String name) {
        return driver.findElement(By.id(id)).getDomAttribute(name);
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Whether the element is on the page and visible now (the page may be rendering it anew). */
    private boolean shown(String id) {
        try {
            return driver.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
        } catch (StaleElementReferenceException gone) {
            return false;
        }
    }

    private void waitForTeam() {
        waitFor("the team page", () -> driver.findElement(By.id("team-view")).isDisplayed()
                && "ready".equals(attribute("team-view", "data-state")));
    }

    private void waitFor(String what, Chromium.Check check) {
        browser.waitFor(what, check);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            Chromium.delete(downloads);
        }
    }

    static void assertBrowserInstalled() {
        Chromium.assertInstalled("The dashboard's browser test");
    }
}
