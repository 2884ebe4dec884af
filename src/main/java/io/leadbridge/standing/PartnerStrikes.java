package io.leadbridge.standing;

import io.leadbridge.lead.LeadWithdrawn;
import io.leadbridge.lead.Reactions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records a strike against a partner (a missed SLA, heard as a {@link LeadWithdrawn} lead event; a
 * customer who says nobody called, told by {@code contactcheck}) and sees that a standing process
 * ("partnerStanding", business key = partner id) judges it: just before the strike's transaction
 * commits, the strike joins the partner's waiting check ({@link StandingChecksDue}), or, when none
 * waits, starts one. Strikes that come in a burst (offers made in one morning running out
 * together) are judged together, with one warning or suspension and its mails, not one per strike.
 * The process's first step is asynchronous, so the caller's transaction (a withdrawal, say) only
 * gains a row, and for the first strike of a burst a process and a job.
 */
@Service
public class PartnerStrikes {

    private static final Logger log = LoggerFactory.getLogger(PartnerStrikes.class);
    private static final Set<String> MISSED_SLAS =
            Set.of(StrikeKind.ACCEPT_SLA_MISSED.name(), StrikeKind.CONTACT_SLA_MISSED.name());

    private final PartnerStrikeLog strikes;
    private final StandingChecksDue checksDue;
    private final RuntimeService runtime;

    PartnerStrikes(PartnerStrikeLog strikes, StandingChecksDue checksDue, RuntimeService runtime) {
        this.strikes = strikes;
        this.checksDue = checksDue;
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
        log.info("partner {}: strike {} (lead {}): {}", partnerId, kind, leadId, detail);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            checkStanding(partnerId, new WaitingStrikes(kind, leadId));
            return;
        }
        StrikesThisTransaction pending = (StrikesThisTransaction) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new StrikesThisTransaction();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.byPartner.merge(partnerId, new WaitingStrikes(kind, leadId), WaitingStrikes::andThen);
    }

    private void checkStanding(String partnerId, WaitingStrikes waiting) {
        if (!checksDue.add(partnerId, waiting.count)) {
            log.debug("partner {}: {} strike(s) join the standing check already due", partnerId, waiting.count);
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(StandingVariables.STRIKE_KIND, waiting.firstKind.name());
        variables.put(StandingVariables.STRIKE_LEAD_ID, waiting.firstLeadId);
        runtime.startProcessInstanceByKey(StandingVariables.PROCESS_KEY, partnerId, variables);
    }

    /** The strikes of one transaction against one partner, and the first of them (for Cockpit readers). */
    private static final class WaitingStrikes {

        private final StrikeKind firstKind;
        private final Long firstLeadId;
        private int count = 1;

        WaitingStrikes(StrikeKind firstKind, Long firstLeadId) {
            this.firstKind = firstKind;
            this.firstLeadId = firstLeadId;
        }

        WaitingStrikes andThen(WaitingStrikes next) {
            count += next.count;
            return this;
        }
    }

    /**
     * The partners struck in the current transaction, handed to their standing checks just before
     * it commits: after the leads' own rows are locked (report facts come first) and before the
     * routing counts' revision row, which every committing transaction takes, so that a strike waiting
     * for a check to take its row holds nothing another transaction needs for long.
     */
    private final class StrikesThisTransaction implements TransactionSynchronization {

        private final Map<String, WaitingStrikes> byPartner = new TreeMap<>();

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            byPartner.forEach(PartnerStrikes.this::checkStanding);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PartnerStrikes.this);
        }
    }
}
