package io.leadbridge.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each lead task after its lead as it is created, so a rep's Tasklist reads
 * "Accept or decline lead: Globex (Cloud Platform)" rather than a column of identical names,
 * and the description carries the lead id that the API and mails use.
 */
@Component
class LeadTaskTitleListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String account = LeadVariables.text(task, LeadVariables.ACCOUNT_NAME);
        String product = LeadVariables.text(task, LeadVariables.PRODUCT);
        if (account != null) {
            task.setName(task.getName() + ": " + account + (product == null ? "" : " (" + product + ")"));
        }
        task.setDescription("Lead " + LeadVariables.leadId(task)
                + (LeadVariables.text(task, LeadVariables.COUNTRY) == null ? ""
                        : ", " + LeadVariables.text(task, LeadVariables.COUNTRY))
                + (LeadVariables.text(task, LeadVariables.SEGMENT) == null ? ""
                        : ", " + LeadVariables.text(task, LeadVariables.SEGMENT) + " grade "
                                + LeadVariables.text(task, LeadVariables.GRADE)));
    }
}
