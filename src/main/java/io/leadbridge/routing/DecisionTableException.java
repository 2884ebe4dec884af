package io.leadbridge.routing;

/** A decision table gave no usable answer: the lead waits as an incident until the table is fixed. */
public class DecisionTableException extends RuntimeException {

    private final String problem;

    public DecisionTableException(String decisionKey, String problem) {
        super("decision table '" + decisionKey + "': " + problem);
        this.problem = problem;
    }

    /** What is wrong, without the table's name: a deployment check names table and row itself. */
    public String problem() {
        return problem;
    }
}
