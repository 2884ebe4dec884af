package io.leadbridge.standing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a "Review suspended partner" task after its partner as it is created, so Tasklist reads
 * "Review suspended partner: Northwind Systems", with the record in the description.
 */
@Component
class ReviewTitleListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String name = StandingVariables.text(task, StandingVariables.PARTNER_NAME);
        task.setName("Review suspended partner: " + (name == null ? task.getExecution().getProcessBusinessKey() : name));
        String reason = StandingVariables.text(task, StandingVariables.SUSPENSION_REASON);
        task.setDescription("Partner " + task.getExecution().getProcessBusinessKey()
                + (reason == null ? "" : ", " + reason));
    }
}
