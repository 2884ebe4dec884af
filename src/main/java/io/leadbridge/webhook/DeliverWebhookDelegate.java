package io.leadbridge.webhook;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Deliver webhook": asynchronous, retried with backoff when the partner's server fails, then an incident. */
@Component
class DeliverWebhookDelegate implements JavaDelegate {

    private final WebhookSender sender;

    DeliverWebhookDelegate(WebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sender.deliver(WebhookVariables.deliveryId(execution));
    }
}
