package io.leadbridge.webhook;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Deliver webhook" of delivery processes started before the step became an external task: their
 * job still names this delegate. It no longer POSTs inside the job; it hands the delivery over to
 * the current model (same business key), whose external task the {@link WebhookWorker} works on
 * its own threads. Nothing else uses it; it can go once no such process is left running.
 */
@Component
class DeliverWebhookDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(DeliverWebhookDelegate.class);

    private final RuntimeService runtime;
    private final WebhookWorker worker;

    DeliverWebhookDelegate(RuntimeService runtime, WebhookWorker worker) {
        this.runtime = runtime;
        this.worker = worker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String deliveryId = WebhookVariables.deliveryId(execution);
        runtime.startProcessInstanceByKey(WebhookVariables.PROCESS_KEY, deliveryId);
        worker.wakeUpAfterCommit();
        log.info("webhook delivery {}: started by the earlier model, handed over to the webhook worker", deliveryId);
    }
}
