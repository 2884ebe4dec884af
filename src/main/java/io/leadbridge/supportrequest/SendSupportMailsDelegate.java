package io.leadbridge.supportrequest;

import io.leadbridge.notification.NotificationDelivery;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Send reminder" and "Send answer to rep": hands the mails to the mail sender, which retries them itself. */
@Component
class SendSupportMailsDelegate implements JavaDelegate {

    private final NotificationDelivery delivery;

    SendSupportMailsDelegate(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliverPending(SupportVariables.leadId(execution));
    }
}
