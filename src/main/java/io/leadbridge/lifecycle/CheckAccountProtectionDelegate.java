package io.leadbridge.lifecycle;

import io.leadbridge.routing.AccountProtectionRules.Protection;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check account protection": a named account's partner and rep get the first offer. */
@Component
class CheckAccountProtectionDelegate implements JavaDelegate {

    private final LeadRouting routing;

    CheckAccountProtectionDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Protection protection = routing.protect(LeadVariables.leadId(execution), execution.getVariables());
        LeadVariables lead = LeadVariables.of(execution);
        lead.accountProtected(protection.isProtected());
        lead.nominate(protection.partnerId(), protection.repUsername(),
                protection.isProtected() ? Method.PROTECTED_ACCOUNT : null);
    }
}
