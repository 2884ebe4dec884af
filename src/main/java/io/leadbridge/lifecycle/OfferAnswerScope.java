package io.leadbridge.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Accept or decline lead" on process versions before its input parameters kept the offer's
 * answer (decision, decline reason, who answered) in the offer's own scope: this listener does the
 * same when the task opens. Leads are moved to the newest version when a node starts
 * ({@link RunningLeadsUpgrade}); this stays for a lead that could not be moved. In an open
 * competition the other competitors' tasks show the process's variables, and must not show a
 * rival's decline or its rep. The winner's rep is handed to the process when it accepts
 * ({@link TaskCompletionListener}).
 */
@Component
class OfferAnswerScope implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution offer = task.getExecution();
        offer.setVariableLocal(LeadVariables.OFFER_DECISION, null);
        offer.setVariableLocal(LeadVariables.DECLINE_REASON, null);
        offer.setVariableLocal(LeadVariables.TASK_WORKER, null);
    }
}
