package io.leadbridge.routing;

/** A decision table gave no usable answer: the lead waits as an incident until the table is fixed. */
public class DecisionTableException extends RuntimeException {

    public DecisionTableException(String decisionKey, String problem) {
        super("decision table '" + decisionKey + "': " + problem);
    }
}
