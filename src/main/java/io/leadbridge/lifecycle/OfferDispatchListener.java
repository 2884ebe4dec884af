package io.leadbridge.lifecycle;

import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerDispatchRepository;
import io.leadbridge.routing.RepAssignmentLog.Method;
import io.leadbridge.routing.RepAssignmentLog.RepAssignment;
import io.leadbridge.routing.RepDispatch;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Accept or decline lead" as it is created, inside the partner: assigned to the rep the dispatch
 * chose for this partner (in an open competition each partner's own rep); the model makes the
 * partner's lead managers its candidate group, and this listener adds the partner's whole team when
 * the partner keeps a team queue (or has no lead managers to hand the offer to).
 */
@Component
class OfferDispatchListener implements TaskListener {

    private final RepDispatch dispatch;
    private final PartnerDispatchRepository dispatches;

    OfferDispatchListener(RepDispatch dispatch, PartnerDispatchRepository dispatches) {
        this.dispatch = dispatch;
        this.dispatches = dispatches;
    }

    @Override
    public void notify(DelegateTask task) {
        String partnerId = LeadVariables.of(task).competitor();
        RepAssignment holder = dispatch.current(LeadVariables.leadId(task), partnerId);
        if (holder == null || holder.method() == Method.TEAM || dispatches.find(partnerId).teamQueue()) {
            task.addCandidateGroup(Partner.groupIdOf(partnerId));
        }
        if (holder != null && task.getAssignee() == null && holder.repUsername() != null) {
            task.setAssignee(holder.repUsername());
        }
    }
}
