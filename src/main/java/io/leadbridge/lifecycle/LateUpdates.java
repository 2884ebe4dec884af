package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.security.Caller;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
class LateUpdates {

    private static final Logger log = LoggerFactory.getLogger(LateUpdates.class);

    private final LeadEventLog events;
    private final TransactionTemplate ownTransaction;

    LateUpdates(LeadEventLog events, PlatformTransactionManager transactions) {
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the refused {@code action} once the current transaction (if any) has ended, whichever way. */
    void refused(long leadId, Caller caller, String action, Instant withdrawnAt) {
        String detail = action + " refused: the lead was withdrawn from partner " + caller.partnerId() + " at "
                + withdrawnAt;
        Runnable record = () -> {
            ownTransaction.executeWithoutResult(status -> events.record(leadId, LeadEventType.LATE_UPDATE_REFUSED,
                    caller.username(), caller.partnerId(), detail));
            log.info("lead {}: late {} from {} of partner {} refused (withdrawn at {})", leadId, action,
                    caller.username(), caller.partnerId(), withdrawnAt);
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
