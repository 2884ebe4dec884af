package io.leadbridge.taskform;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Facts a task's form shows that are not process variables: read from the application's own
 * tables each time the form's variables are asked for ({@code GET /engine-rest/task/{id}/form-variables},
 * which Tasklist calls when it opens a Camunda Form). A prospect's name, e-mail and phone are shown
 * this way, so they never enter the engine's variables and its 180 days of history.
 * <p>
 * A submission may send a shown fact back unchanged, as Tasklist does for read-only fields; it is
 * checked against the fact and then dropped, never stored as a variable.
 */
public interface ShownFacts {

    /** The facts this task's form shows, by form field key; empty when it shows none. Values may be null. */
    Map<String, String> shownOn(DelegateTask task);
}
