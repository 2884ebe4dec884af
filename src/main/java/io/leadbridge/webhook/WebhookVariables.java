package io.leadbridge.webhook;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Names of the delivery process and its step, in one place. The delivery id is the business key:
 * the process carries no other variable, the delivery row holds the payload.
 */
final class WebhookVariables {

    static final String PROCESS_KEY = "webhookDelivery";
    static final String TASK_DELIVER_WEBHOOK = "Task_DeliverWebhook";
    /** The external task topic of "Deliver webhook", which the {@link WebhookWorker} works on. */
    static final String TOPIC_DELIVER_WEBHOOK = "webhookDelivery";

    private WebhookVariables() {
    }

    static String deliveryId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }
}
