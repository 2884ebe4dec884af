package io.leadbridge.standing;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a strike against a partner and starts the standing process ("partnerStanding", business
 * key = partner id) that judges it. The process's first step is asynchronous, so the caller's
 * transaction (a withdrawal, say) only gains a row and a job.
 */
@Service
public class PartnerStrikes {

    private static final Logger log = LoggerFactory.getLogger(PartnerStrikes.class);

    private final PartnerStrikeLog strikes;
    private final RuntimeService runtime;

    PartnerStrikes(PartnerStrikeLog strikes, RuntimeService runtime) {
        this.strikes = strikes;
        this.runtime = runtime;
    }

    /**
     * @param leadId the lead the partner failed on, or null
     * @param detail what happened, in words a partner manager understands
     */
    @Transactional
    public void record(String partnerId, Long leadId, StrikeKind kind, String detail) {
        if (partnerId == null || kind == null) {
            throw new IllegalArgumentException("a strike needs a partner and a kind");
        }
        strikes.add(partnerId, leadId, kind, detail);
        Map<String, Object> variables = new HashMap<>();
        variables.put(StandingVariables.STRIKE_KIND, kind.name());
        variables.put(StandingVariables.STRIKE_LEAD_ID, leadId);
        runtime.startProcessInstanceByKey(StandingVariables.PROCESS_KEY, partnerId, variables);
        log.info("partner {}: strike {} (lead {}): {}", partnerId, kind, leadId, detail);
    }
}
