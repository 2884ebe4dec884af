package io.leadbridge.lifecycle;

import io.leadbridge.notification.NotificationDelivery;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send ... notifications": hands the lead's mails to the mail sender, which sends and retries them itself. */
@Component
class SendNotificationsDelegate implements JavaDelegate {

    private final NotificationDelivery delivery;

    SendNotificationsDelegate(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverPending(LeadVariables.leadId(execution));
    }
}
