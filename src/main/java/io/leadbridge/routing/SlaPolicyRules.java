package io.leadbridge.routing;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendar;
import io.leadbridge.calendar.WorkingTime;
import io.leadbridge.config.IsoDurations;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/** The {@code slaPolicy} table (decisions/sla-policy.dmn): how long a partner has for each step. */
@Component
public class SlaPolicyRules {

    public static final String DECISION = "slaPolicy";

    /** The output that says how the row's durations are counted; a table without it counts calendar time. */
    public static final String CLOCK = "clock";

    /**
     * How long a rep inside the partner has before the offer moves to the next rep or the lead
     * managers; a table without the column has no inside SLA.
     */
    public static final String REP_ACCEPT_SLA = "repAcceptSla";

    /**
     * The calendar a working-time row is checked against before it is deployed: Monday to Friday,
     * 09:00-17:00, no holidays. Each lead counts in its partner's own calendar.
     */
    static final WorkingCalendar REFERENCE_CALENDAR = WorkingCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0),
            LocalTime.of(17, 0), WorkingCalendar.DaysOff.NONE);

    /** A Monday 09:00 of the reference calendar. */
    private static final Instant REFERENCE_START = Instant.parse("2024-01-01T09:00:00Z");

    private final DeployedDecisions decisions;

    SlaPolicyRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    public SlaTerms evaluate(String segment, String grade, int attempt) {
        Map<String, Object> inputs = Map.of("segment", segment, "grade", grade, "attempt", attempt);
        return read(decisions.evaluate(DECISION, inputs), inputs);
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
                row.requiredInt("missedUpdatesToEscalate"), row.requiredText("customerCheckAfter"),
                clock(row), row.text(REP_ACCEPT_SLA));
        terms.check();
        return terms;
    }

    private static SlaClock clock(DecisionOutputs row) {
        try {
            return SlaClock.of(row.text(CLOCK));
        } catch (IllegalArgumentException e) {
            throw new DecisionTableException(DECISION, "output '" + CLOCK + "': " + e.getMessage());
        }
    }

    /**
     * ISO-8601 durations for one offer, how many offers a lead gets before manual distribution,
     * how long the vendor has to answer a rep's support request on the lead, how often the rep
     * reports progress once the prospect was contacted (a repeating cycle) and after how many
     * missed updates a channel manager chases, and when the customer is asked whether the
     * partner called (never before the contact deadline). {@code clock} says whether the one-off
     * durations (reminders, deadlines, support SLA, customer check) count calendar time or the
     * working time of the party who must act; in working time each status update cycle starts
     * when the previous one ends and counts the rep's partner's working time.
     */
    public record SlaTerms(String acceptReminder, String acceptSla, String contactReminder, String contactSla,
            int maxAttempts, String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate,
            String customerCheckAfter, SlaClock clock, String repAcceptSla) {

        public SlaTerms {
            clock = clock == null ? SlaClock.CALENDAR : clock;
        }

        /** Terms without an inside SLA (a table without the {@code repAcceptSla} column). */
        public SlaTerms(String acceptReminder, String acceptSla, String contactReminder, String contactSla,
                int maxAttempts, String supportSla, String statusUpdateCycle, int missedUpdatesToEscalate,
                String customerCheckAfter, SlaClock clock) {
            this(acceptReminder, acceptSla, contactReminder, contactSla, maxAttempts, supportSla, statusUpdateCycle,
                    missedUpdatesToEscalate, customerCheckAfter, clock, null);
        }

        /** Where a duration ends from the reference start, on this row's clock (the reference calendar's hours). */
        private Instant end(String duration) {
            return WorkingTime.after(clock, REFERENCE_CALENDAR, REFERENCE_START, duration);
        }

        /** For a refusal: how a working-time row's durations were compared. */
        private String inWorkingTime() {
            return clock == SlaClock.WORKING
                    ? " in working time (clock \"working\": a day is one working day, "
                            + "8 hours of Monday-Friday 09:00-17:00)"
                    : "";
        }

        void check() {
            try {
                if (!end(acceptReminder).isBefore(end(acceptSla))) {
                    throw new DecisionTableException(DECISION, "acceptReminder " + acceptReminder
                            + " must be shorter than acceptSla " + acceptSla + inWorkingTime());
                }
                if (!end(contactReminder).isBefore(end(contactSla))) {
                    throw new DecisionTableException(DECISION, "contactReminder " + contactReminder
                            + " must be shorter than contactSla " + contactSla + inWorkingTime());
                }
                // The inside SLA counts on the row's clock; one not shorter than the partner's has no effect.
                if (repAcceptSla != null) {
                    end(repAcceptSla);
                }
                end(supportSla);
                String cycle = IsoDurations.periodOfCycle(statusUpdateCycle);
                if (clock == SlaClock.WORKING) {
                    WorkingTime.workingDuration(REFERENCE_CALENDAR, cycle);
                }
                if (end(customerCheckAfter).isBefore(end(contactSla))) {
                    throw new DecisionTableException(DECISION, "customerCheckAfter " + customerCheckAfter
                            + " must not be shorter than contactSla " + contactSla
                            + inWorkingTime() + ": the customer is asked only once the partner's time to call is up");
                }
            } catch (IllegalArgumentException e) {
                throw new DecisionTableException(DECISION, (clock == SlaClock.WORKING ? "clock \"working\": " : "")
                        + e.getMessage());
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
