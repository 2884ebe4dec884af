package io.leadbridge.dealregistration;

import io.leadbridge.notification.NotificationDelivery;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The process's send steps: hand the partner's pending mails to the mail sender, which retries them itself. */
@Component
class SendDealMailsDelegate implements JavaDelegate {

    private final NotificationDelivery delivery;

    SendDealMailsDelegate(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverPendingForPartner(DealVariables.text(execution, DealVariables.PARTNER_ID));
    }
}
