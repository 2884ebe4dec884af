package io.leadbridge.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.Chromium;
import java.io.IOException;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Camunda Tasklist as a partner's rep uses it: the filters on the left, the filter's tasks in the
 * middle, the open task with its Camunda Form on the right; Claim, the form's fields, Complete.
 */
final class TasklistPage extends WebappPage {

    private static final By FILTERS = By.cssSelector(".task-filter h4.name a");
    private static final By TASKS = By.cssSelector("ol.tasks-list li.task h4.task a");
    private static final String TASK_NOT_SHOWN = "The task does not exist anymore";
    private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form");

    private TasklistPage(Chromium browser, int port) {
        super(browser, port, "tasklist");
    }

    static TasklistPage open(int port) throws IOException {
        return new TasklistPage(Chromium.start(SCREENSHOTS), port);
    }

    /** Logs in and waits until the filters the application created have loaded. */
    void logInAndWait(String username, String password) {
        logIn(username, password);
        browser.waitFor("Tasklist's filters", () -> !driver.findElements(FILTERS).isEmpty()
                && driver.findElements(FILTERS).get(0).isDisplayed());
    }

    /** The filters' names, without the counter Tasklist shows next to the chosen one. */
    List<String> filters() {
        return driver.findElements(FILTERS).stream()
                .map(link -> link.getText().replaceFirst("\\s*\\(?\\d+\\)?$", "").trim()).toList();
    }

    /** Clicks a filter and waits until its tasks, or the word that there are none, are shown. */
    void chooseFilter(String name) {
        WebElement filter = driver.findElements(FILTERS).stream().filter(link -> link.getText().startsWith(name))
                .findFirst().orElseThrow(() -> new AssertionError("no filter " + name + " in " + filters()));
        filter.click();
        browser.waitFor("the tasks of " + name, () -> driver.findElement(By.cssSelector(".task-filter.active"))
                .getText().startsWith(name) && tasksLoaded());
    }

    /**
     * Types a task's address into the address bar, as a link in a mail or on the dashboard opens
     * it, and waits until Tasklist shows the task's form or says it has none to show.
     */
    void goToTask(String taskId) {
        driver.get(driver.getCurrentUrl().replaceFirst("#.*$", "") + "#/?task=" + taskId);
        browser.waitFor("task " + taskId + " or Tasklist's word that it does not exist",
                () -> !driver.findElements(FORM).isEmpty() || visibleText().contains(TASK_NOT_SHOWN));
    }

    boolean saysTheTaskDoesNotExist() {
        return visibleText().contains(TASK_NOT_SHOWN);
    }

    /** The task names of the chosen filter. */
    List<String> tasks() {
        return driver.findElements(TASKS).stream().map(WebElement::getText).map(String::trim).toList();
    }

    boolean saysNoTaskMatches() {
        return visibleText().contains("No task matching filters found.");
    }

    /** Clicks "Start process", then the process of that name, and waits for its start form. */
    void startProcess(String name) {
        click(driver.findElement(By.xpath("//a[contains(normalize-space(.), 'Start process')]")));
        By process = By.xpath("//div[contains(@class, 'modal')]//a[normalize-space(.) = '" + name + "']");
        browser.waitFor("the process " + name, () -> !driver.findElements(process).isEmpty()
                && driver.findElement(process).isDisplayed());
        click(driver.findElement(process));
        browser.waitFor("the start form of " + name, () -> !driver.findElements(
                By.cssSelector(".modal form.fjs-form")).isEmpty());
    }

    /** Types into a text or number field of the open form, found by its label. */
    void type(String label, String text) {
        WebElement input = formField(label).findElement(By.cssSelector("input, textarea"));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks the start dialog's "Start" and answers Tasklist's refusal shown in the dialog. */
    String startRefused() {
        click(driver.findElement(START));
        By refusal = By.cssSelector(".modal .notifications .alert");
        browser.waitFor("Tasklist's refusal", () -> driver.findElements(refusal).stream()
                .anyMatch(WebElement::isDisplayed));
        return String.join(" ", driver.findElements(refusal).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList());
    }

    /** Clicks the start dialog's "Start" and waits until the dialog has closed: the process started. */
    void start() {
        click(driver.findElement(START));
        browser.waitFor("the start dialog to close", () -> driver.findElements(
                By.cssSelector(".modal form.fjs-form")).isEmpty());
    }

    private static final By START = By.xpath("//div[contains(@class, 'modal')]//button[normalize-space(.) = 'Start']");

    /** Clicks a task in the list and waits for its Camunda Form to show its values. */
    void openTask(String name) {
        // Tasklist may draw its list anew between finding the link and clicking it: then found and clicked again.
        browser.waitFor("the link of " + name, () -> {
            WebElement task = driver.findElements(TASKS).stream().filter(link -> link.getText().trim().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no task " + name + " in " + tasks()));
            task.click();
            return true;
        });
        browser.waitFor("the form of " + name, () -> !driver.findElements(FORM).isEmpty()
                && !field("Company").isEmpty());
    }

    /** The value a read-only field of the open form shows, found by its label. */
    String field(String label) {
        return formField(label).findElement(By.cssSelector("input.fjs-input")).getDomProperty("value");
    }

    /** Clicks "Claim" on the open task: Tasklist lets only the assignee fill in the form. */
    void claim() {
        click(driver.findElement(By.cssSelector("button.claim[ng-click='claim()']")));
        browser.waitFor("the task to be claimed", () -> driver.findElements(By.cssSelector("button.claim")).isEmpty());
    }

    /**
     * Gives the open task, which the user holds, to another user as Tasklist offers it: clicks the
     * assignee in the task's header, types the username and clicks the check mark; waits until Tasklist
     * no longer shows the user as the assignee.
     */
    void assignTo(String username) {
        By assignee = By.cssSelector(".assignee [cam-widget-inline-field] .view-value");
        browser.waitFor("the task's assignee", () -> !driver.findElements(assignee).isEmpty()
                && driver.findElement(assignee).isDisplayed());
        click(driver.findElement(assignee));
        By input = By.cssSelector("input[ng-model='formData.editValue']");
        browser.waitFor("the assignee's field",
                () -> driver.findElements(input).stream().anyMatch(WebElement::isDisplayed));
        WebElement field = driver.findElements(input).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow();
        field.clear();
        field.sendKeys(username);
        WebElement apply = driver.findElements(By.cssSelector("button[ng-click='applyChange($event);']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        click(apply);
        // Tasklist offers "Reset assignee" once the task is someone else's than the user's.
        browser.waitFor("the task to be given to " + username, () -> driver.findElements(
                By.cssSelector(".assignee a.reset-assignee")).stream().anyMatch(WebElement::isDisplayed)
                || visibleText().contains("An error happened while assigning"));
        assertThat(visibleText()).as("Tasklist refused the assignee")
                .doesNotContain("An error happened while assigning");
    }

    /** Clicks a radio button of the open form by the text of its option. */
    void choose(String label, String option) {
        WebElement choice = formField(label).findElements(By.cssSelector("label.fjs-form-field-label")).stream()
                .filter(l -> l.getText().trim().equals(option)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + option + " for " + label));
        click(choice);
        browser.waitFor(option + " to be chosen", () -> choice.findElement(By.tagName("input")).isSelected());
    }

    /** Closes every notification Tasklist shows (they lie over the form's buttons) by clicking its ×. */
    void closeNotifications() {
        By close = By.cssSelector(".page-notifications button.close[ng-click^='removeNotification']");
        for (WebElement button : driver.findElements(close)) {
            if (button.isDisplayed()) {
                click(button);
            }
        }
        browser.waitFor("the notifications to close", () -> driver.findElements(close).stream()
                .noneMatch(WebElement::isDisplayed));
    }

    /** Opens a select field of the open form by clicking it and clicks the option with the given text. */
    void select(String label, String option) {
        WebElement field = formField(label);
        click(field.findElement(By.cssSelector(".fjs-input-group")));
        browser.waitFor("the options of " + label, () -> !field.findElements(ITEMS).isEmpty());
        WebElement item = field.findElements(ITEMS).stream().filter(i -> i.getText().trim().equals(option))
                .findFirst().orElseThrow(() -> new AssertionError("no option " + option + " for " + label));
        click(item);
        browser.waitFor(option + " to be selected", () -> field.findElements(ITEMS).isEmpty()
                && field.getText().contains(option));
    }

    /**
     * Clicks "Complete" and waits until the task has left the list (Tasklist's "The task is
     * completed." shows only for a moment); fails with Tasklist's message if it refused.
     */
    void complete() {
        String task = driver.findElement(By.cssSelector("ol.tasks-list li.task.active h4.task a")).getText().trim();
        WebElement complete = driver.findElement(By.cssSelector("button[ng-click='complete()']"));
        browser.waitFor("the Complete button to be enabled", complete::isEnabled);
        click(complete);
        browser.waitFor("the task to leave the list", () -> !tasks().contains(task) || refused());
        assertThat(refused()).as("Tasklist refused to complete the task: " + visibleText()).isFalse();
    }

    private boolean refused() {
        return visibleText().contains("An error happened while submitting the task form");
    }

    private boolean tasksLoaded() {
        return !driver.findElements(TASKS).isEmpty() || saysNoTaskMatches();
    }

    private static final By ITEMS = By.cssSelector(".fjs-dropdownlist-item");

    private WebElement formField(String label) {
        return driver.findElements(By.cssSelector("form.fjs-form .fjs-form-field")).stream()
                .filter(field -> field.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
                        .anyMatch(l -> l.getText().replace("*", "").trim().equals(label)))
                .findFirst().orElseThrow(() -> new AssertionError("no field " + label + " in the form"));
    }
}
