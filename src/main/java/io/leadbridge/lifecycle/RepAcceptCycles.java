package io.leadbridge.lifecycle;

import io.leadbridge.config.LeadClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The cycle of the "Rep accept SLA breached" timer ({@code ${repAcceptCycles.of(execution)}}): every
 * {@code repAcceptSla} from the offer ({@code R/PT4H}), so each rep in turn gets the inside SLA. A
 * lead without one (offered before the table had the column, or a table without it), or whose
 * inside SLA would not end before the partner's deadline, gets a single moment after that deadline,
 * which ends the offer first: no inside SLA.
 */
@Component("repAcceptCycles")
public class RepAcceptCycles {

    private final LeadClock clock;

    RepAcceptCycles(LeadClock clock) {
        this.clock = clock;
    }

    public String of(DelegateExecution execution) {
        LeadVariables lead = LeadVariables.of(execution);
        Instant deadline = lead.acceptDueAt();
        return lead.repAcceptSla()
                .filter(sla -> clock.now().plus(Duration.parse(sla)).isBefore(deadline))
                .map(sla -> "R/" + sla)
                .orElseGet(() -> "R1/" + deadline.plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
                        + "/PT1M");
    }
}
