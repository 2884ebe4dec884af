package io.leadbridge.rules;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * The check every decision file passes before the engine deploys it or a replay evaluates it:
 * FEEL only ({@link DecisionExpressions}), and rows the application can use ({@link DecisionRows}).
 */
public final class DecisionFiles {

    private DecisionFiles() {
    }

    /** Refuses the file with every problem found, each naming the element or the table, row and rule. */
    public static void check(String file, DmnModelInstance model) {
        List<String> problems = new ArrayList<>(DecisionExpressions.problems(model));
        if (problems.isEmpty()) {
            // Rows are evaluated only once nothing in the file can reach past FEEL.
            problems.addAll(DecisionRows.problems(model));
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(file, problems);
        }
    }
}
