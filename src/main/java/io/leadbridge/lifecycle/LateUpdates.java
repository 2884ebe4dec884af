package io.leadbridge.lifecycle;

import io.leadbridge.database.ConflictRetry;
import io.leadbridge.lead.LeadAccess.LateUpdateRefused;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.security.Caller;
import io.leadbridge.web.Failures;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records on the lead's timeline that a partner which no longer holds the lead tried to act on
 * it: a late accept from Tasklist, a CRM syncing a status the partner lost. The vendor sees who
 * was still working a lead they had lost, and when.
 *
 * <p>The refusal rolls back the action's transaction, so the event is written in a transaction
 * of its own, after the refusing one has ended. Not during it: the refusing transaction holds
 * the lead's row {@code for update}, and on PostgreSQL the event's foreign key to the lead would
 * wait for that lock, i.e. for its own caller, forever.
 *
 * <p>That transaction runs again when it loses a deadlock (with the lead's mail job, say), as
 * often as {@link ConflictRetry} allows. Should it still fail, the refusal is logged at ERROR
 * with everything the event would have held, so that nobody loses it.
 */
@Component
class LateUpdates {

    private static final Logger log = LoggerFactory.getLogger(LateUpdates.class);

    private final LeadEventLog events;
    private final TransactionTemplate ownTransaction;
    private final ConflictRetry retry;

    LateUpdates(LeadEventLog events, PlatformTransactionManager transactions, ConflictRetry retry) {
        this.events = events;
        this.retry = retry;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A late action that {@link io.leadbridge.lead.LeadAccess} refused. */
    @EventListener
    void on(LateUpdateRefused refusal) {
        refused(refusal.leadId(), refusal.caller(), refusal.action(), refusal.withdrawnAt());
    }

    /** Records the refused {@code action} once the current transaction (if any) has ended, whichever way. */
    void refused(long leadId, Caller caller, String action, Instant withdrawnAt) {
        String detail = action + " refused: the lead was withdrawn from partner " + caller.partnerId() + " at "
                + withdrawnAt;
        Runnable record = () -> {
            try {
                retry.run("lead " + leadId + ": late update refused", () -> ownTransaction.execute(status ->
                        events.record(leadId, LeadEventType.LATE_UPDATE_REFUSED, caller.username(),
                                caller.partnerId(), detail)));
                log.info("lead {}: late {} from {} of partner {} refused (withdrawn at {})", leadId, action,
                        caller.username(), caller.partnerId(), withdrawnAt);
            } catch (RuntimeException e) {
                log.error("lead {}: event {} NOT WRITTEN, add it by hand: actor {}, partner {}, at {}, detail '{}': {}",
                        leadId, LeadEventType.LATE_UPDATE_REFUSED, caller.username(), caller.partnerId(),
                        Instant.now(), detail, Failures.describe(e));
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }
}
