package io.leadbridge.webhook;

import io.leadbridge.config.LeadClock;
import io.leadbridge.web.ApiException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
    private final RuntimeService runtime;
    private final ReceiverAddressPolicy receivers;
    private final LeadClock clock;

    Webhooks(WebhookRepository webhooks, RuntimeService runtime, ReceiverAddressPolicy receivers, LeadClock clock) {
        this.webhooks = webhooks;
        this.runtime = runtime;
        this.receivers = receivers;
        this.clock = clock;
    }

    /** Stores the subscription with a new signing secret; the caller shows the secret once. */
    @Transactional
    Webhook register(String partnerId, String url, Set<WebhookEvent> events, String actor) {
        Webhook webhook = new Webhook(UUID.randomUUID().toString(), partnerId, receivers.checkedUrl(url),
                events == null || events.isEmpty() ? EnumSet.allOf(WebhookEvent.class) : EnumSet.copyOf(events),
                WebhookSignature.newSecret(), actor, clock.now());
        webhooks.insert(webhook);
        log.info("partner {}: webhook {} registered by {} for {} at {}", partnerId, webhook.id(), actor,
                webhook.events(), webhook.url());
        return webhook;
    }

    List<Webhook> list(String partnerId) {
        return webhooks.forPartner(partnerId);
    }

    /** Removes the webhook, its delivery log, and the deliveries still being retried. */
    @Transactional
    void remove(String partnerId, String webhookId, String actor) {
        Webhook webhook = get(partnerId, webhookId);
        List<String> pending = webhooks.pendingDeliveryIds(webhook.id());
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
        webhooks.delete(webhook.id());
        log.info("partner {}: webhook {} removed by {}", partnerId, webhookId, actor);
    }

    List<WebhookDelivery> deliveries(String partnerId, String webhookId) {
        return webhooks.deliveries(get(partnerId, webhookId).id());
    }

    private Webhook get(String partnerId, String webhookId) {
        return webhooks.find(partnerId, webhookId).orElseThrow(
                () -> ApiException.notFound("partner '" + partnerId + "' has no webhook '" + webhookId + "'"));
    }
}
