package io.leadbridge.standing;

import io.leadbridge.notification.NotificationDelivery;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send ... notifications" of the standing process: hands the mails to the mail sender, which retries them. */
@Component
class SendStandingNotificationsDelegate implements JavaDelegate {

    private final NotificationDelivery delivery;

    SendStandingNotificationsDelegate(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverPendingForPartner(StandingVariables.partnerId(execution));
    }
}
