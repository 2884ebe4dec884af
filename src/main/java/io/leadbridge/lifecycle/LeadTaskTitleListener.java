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
        LeadVariables lead = LeadVariables.of(task);
        String account = lead.accountName();
        String product = lead.product();
        if (account != null) {
            task.setName(task.getName() + ": " + account + (product == null ? "" : " (" + product + ")"));
        }
        task.setDescription("Lead " + LeadVariables.leadId(task)
                + (lead.country() == null ? "" : ", " + lead.country())
                + (lead.segment() == null ? "" : ", " + lead.segment() + " grade " + lead.grade()));
    }
}
