package io.leadbridge.contactcheck;

import io.leadbridge.notification.NotificationDelivery;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Tell the channel managers": writes their mail and hands it to the mail sender in one
 * asynchronous step, so a retried step never writes it twice.
 */
@Component
class TellChannelManagersDelegate implements JavaDelegate {

    private final ContactChecks checks;
    private final NotificationDelivery delivery;

    TellChannelManagersDelegate(ContactChecks checks, NotificationDelivery delivery) {
        this.checks = checks;
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checks.tellChannelManagers(ContactCheckVariables.checkId(execution));
        delivery.deliverPending(checks.leadOf(ContactCheckVariables.checkId(execution)));
    }
}
