package io.leadbridge.webhook;

import io.leadbridge.web.ApiException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering, listing and removing a partner's webhooks, and reading their delivery log. */
@Service
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final RuntimeService runtime;
    private final ReceiverAddressPolicy receivers;

    Webhooks(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, RuntimeService runtime,
            ReceiverAddressPolicy receivers) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.runtime = runtime;
        this.receivers = receivers;
    }

    /** Stores the subscription with a new signing secret; the caller shows the secret once. */
    @Transactional
    Webhook register(String partnerId, String url, Set<WebhookEvent> events, String actor) {
        Webhook webhook = webhooks.save(Webhook.register(partnerId, receivers.checkedUrl(url), events,
                WebhookSignature.newSecret(), actor));
        log.info("partner {}: webhook {} registered by {} for {} at {}", partnerId, webhook.id(), actor,
                webhook.events(), webhook.url());
        return webhook;
    }

    List<Webhook> list(String partnerId) {
        return webhooks.ofPartnerOldestFirst(partnerId);
    }

    /** Removes the webhook, its delivery log, and the deliveries still being retried. */
    @Transactional
    void remove(String partnerId, String webhookId, String actor) {
        Webhook webhook = get(partnerId, webhookId);
        List<String> pending = deliveries.findByWebhookIdAndStatusNot(webhook.id(), DeliveryStatus.DELIVERED)
                .stream().map(WebhookDelivery::id).toList();
        if (!pending.isEmpty()) {
            List<String> processes = pending.stream()
                    .flatMap(deliveryId -> runtime.createProcessInstanceQuery()
                            .processDefinitionKey(WebhookVariables.PROCESS_KEY)
                            .processInstanceBusinessKey(deliveryId).list().stream())
                    .map(ProcessInstance::getId).toList();
            if (!processes.isEmpty()) {
                runtime.deleteProcessInstances(processes, "webhook " + webhookId + " removed by " + actor, true, true);
            }
        }
        deliveries.deleteByWebhookId(webhook.id());
        webhooks.deleteById(webhook.id());
        log.info("partner {}: webhook {} removed by {}", partnerId, webhookId, actor);
    }

    List<WebhookDelivery> deliveries(String partnerId, String webhookId) {
        return deliveries.findByWebhookIdOrderByCreatedAtDescIdAsc(get(partnerId, webhookId).id());
    }

    private Webhook get(String partnerId, String webhookId) {
        return webhooks.findByIdAndPartnerId(webhookId, partnerId).orElseThrow(
                () -> ApiException.notFound("partner '" + partnerId + "' has no webhook '" + webhookId + "'"));
    }
}
