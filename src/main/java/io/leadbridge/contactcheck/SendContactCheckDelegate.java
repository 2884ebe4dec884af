package io.leadbridge.contactcheck;

import io.leadbridge.notification.NotificationDelivery;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send the question to the customer": marks the check SENT and hands its mail to the mail
 * sender in one transaction; the mail sender retries a failed mail itself, the check stays SENT.
 */
@Component
class SendContactCheckDelegate implements JavaDelegate {

    private final ContactChecks checks;
    private final NotificationDelivery delivery;

    SendContactCheckDelegate(ContactChecks checks, NotificationDelivery delivery) {
        this.checks = checks;
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date answerDueAt = Date.from(checks.ask(ContactCheckVariables.checkId(execution)));
        execution.setVariable(ContactCheckVariables.ANSWER_DUE_AT, answerDueAt);
        delivery.deliverPending(checks.leadOf(ContactCheckVariables.checkId(execution)));
    }
}
