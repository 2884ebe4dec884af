package io.leadbridge.routing;

import io.leadbridge.config.IsoDurations;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The {@code slaPolicy} table (decisions/sla-policy.dmn): how long a partner has for each step. */
@Component
public class SlaPolicyRules {

    public static final String DECISION = "slaPolicy";

    private final DecisionService decisions;

    SlaPolicyRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    public SlaTerms evaluate(String segment, String grade, int attempt) {
        Map<String, Object> inputs = Map.of("segment", segment, "grade", grade, "attempt", attempt);
        return read(decisions.evaluateDecisionByKey(DECISION).variables(inputs).evaluate(), inputs);
    }

    /**
     * What a result of the table says, checked as every lead needs it; also used to check each
     * row of a table before it is deployed or replayed.
     */
    public static SlaTerms read(DmnDecisionResult result, Map<String, Object> inputs) {
        if (result.isEmpty()) {
            throw new DecisionTableException(DECISION, "no rule matched " + inputs);
        }
        DecisionOutputs row = new DecisionOutputs(DECISION, result.getFirstResult().getEntryMap());
        SlaTerms terms = new SlaTerms(row.requiredText("acceptReminder"), row.requiredText("acceptSla"),
                row.requiredText("contactReminder"), row.requiredText("contactSla"), row.requiredInt("maxAttempts"),
                row.requiredText("supportSla"), row.requiredText("statusUpdateCycle"),
                row.requiredInt("missedUpdatesToEscalate"), row.requiredText("customerCheckAfter"));
        terms.check();
        return terms;
    }

    /**
     * ISO-8601 durations for one offer, how many offers a lead gets before manual distribution,
     * how long the vendor has to answer a rep's support request on the lead, how often the rep
     * reports progress once the prospect was contacted (a repeating cycle) and after how many
     * missed updates a channel manager chases, and when the customer is asked whether the
     * partner called (never before the contact deadline).
     */
    public record SlaTerms(String acceptReminder, String acceptSla, String contactReminder, String contactSla,
            int maxAttempts, String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate,
            String customerCheckAfter) {

        void check() {
            Instant start = Instant.EPOCH;
            try {
                if (!IsoDurations.after(start, acceptReminder).isBefore(IsoDurations.after(start, acceptSla))) {
                    throw new DecisionTableException(DECISION, "acceptReminder " + acceptReminder
                            + " must be shorter than acceptSla " + acceptSla);
                }
                if (!IsoDurations.after(start, contactReminder).isBefore(IsoDurations.after(start, contactSla))) {
                    throw new DecisionTableException(DECISION, "contactReminder " + contactReminder
                            + " must be shorter than contactSla " + contactSla);
                }
                IsoDurations.after(start, supportSla);
                IsoDurations.periodOfCycle(statusUpdateCycle);
                if (IsoDurations.after(start, customerCheckAfter).isBefore(IsoDurations.after(start, contactSla))) {
                    throw new DecisionTableException(DECISION, "customerCheckAfter " + customerCheckAfter
                            + " must not be shorter than contactSla " + contactSla
                            + ": the customer is asked only once the partner's time to call is up");
                }
            } catch (IllegalArgumentException e) {
                throw new DecisionTableException(DECISION, e.getMessage());
            }
            if (missedUpdatesToEscalate < 1) {
                throw new DecisionTableException(DECISION, "missedUpdatesToEscalate must be at least 1, is "
                        + missedUpdatesToEscalate);
            }
            if (maxAttempts < 1) {
                throw new DecisionTableException(DECISION, "maxAttempts must be at least 1, is " + maxAttempts);
            }
        }
    }
}
