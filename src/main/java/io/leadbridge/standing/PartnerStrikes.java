package io.leadbridge.standing;

import io.leadbridge.lead.LeadWithdrawn;
import io.leadbridge.lead.Reactions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a strike against a partner (a missed SLA, heard as a {@link LeadWithdrawn} lead event; a
 * customer who says nobody called, told by {@code contactcheck}) and starts the standing process
 * ("partnerStanding", business key = partner id) that judges it. The process's first step is
 * asynchronous, so the caller's transaction (a withdrawal, say) only gains a row and a job.
 */
@Service
public class PartnerStrikes {

    private static final Logger log = LoggerFactory.getLogger(PartnerStrikes.class);
    private static final Set<String> MISSED_SLAS =
            Set.of(StrikeKind.ACCEPT_SLA_MISSED.name(), StrikeKind.CONTACT_SLA_MISSED.name());

    private final PartnerStrikeLog strikes;
    private final RuntimeService runtime;

    PartnerStrikes(PartnerStrikeLog strikes, RuntimeService runtime) {
        this.strikes = strikes;
        this.runtime = runtime;
    }

    /** A missed SLA is a strike against the partner's standing: an offer let run out, a first contact not reported. */
    @EventListener
    @Order(Reactions.STRIKES)
    @Transactional
    void on(LeadWithdrawn withdrawn) {
        if (MISSED_SLAS.contains(withdrawn.reason())) {
            record(withdrawn.partnerId(), withdrawn.lead().id(), StrikeKind.valueOf(withdrawn.reason()),
                    withdrawn.detail());
        }
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
