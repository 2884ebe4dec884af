package io.leadbridge.dealregistration;

import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * "Deal registered", started from Tasklist ("Start process" → "Deal registration") or
 * {@code /engine-rest}: the start form's answer is checked as {@code POST /api/deals} checks it
 * (400 naming the variable), registered for the partner of the logged-in user (never one the form
 * or a business key names), and the form's variables leave the process: the business key becomes
 * the registration id. A start by {@code POST /api/deals} passes untouched.
 */
@Component
class RegisterDealFromStartFormListener implements ExecutionListener {

    private final DealRegistrations registrations;
    private final DealStartForm form;
    private final IdentityService identity;

    RegisterDealFromStartFormListener(DealRegistrations registrations, DealStartForm form, IdentityService identity) {
        this.registrations = registrations;
        this.form = form;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (registrations.startedByRegister(execution.getProcessBusinessKey())) {
            return;
        }
        Authentication user = identity.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw ApiException.forbidden("deals are registered by a logged-in partner user");
        }
        Caller caller = new Caller(user.getUserId(),
                user.getGroupIds() == null ? Set.of() : new HashSet<>(user.getGroupIds()));
        if (!caller.isPartnerUser()) {
            throw refused(caller, "deals are registered by a partner's reps or its CRM");
        }
        DealRegistrationRequest request = form.read(execution);
        DealRegistrations.Stored stored;
        try {
            stored = registrations.store(request, caller, DealRegistrations.RequestFields.FORM);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.FORBIDDEN) {
                throw refused(caller, e.getMessage());
            }
            throw e;
        }
        DealStartForm.VARIABLES.forEach(execution::removeVariable);
        execution.setProcessBusinessKey(Long.toString(stored.id()));
        execution.setVariables(stored.variables());
    }

    /** The engine's own refusal, which Tasklist and {@code /engine-rest} answer with 403. */
    private static AuthorizationException refused(Caller caller, String why) {
        return new AuthorizationException(caller.username() + " may not register a deal: " + why);
    }
}
