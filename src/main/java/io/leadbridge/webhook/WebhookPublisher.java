package io.leadbridge.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.AcceptReminded;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadOffered;
import io.leadbridge.lead.LeadWithdrawn;
import io.leadbridge.lead.Reactions;
import io.leadbridge.prospect.Account;
import io.leadbridge.prospect.ProspectRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Turns a lead event of one partner (offered, withdrawn, reminded to accept; published by
 * {@code lifecycle.LeadHolding}, heard here synchronously in its transaction) into a delivery for
 * each of that partner's webhooks that subscribed to it: stores the delivery row with its exact JSON
 * body and starts a "webhookDelivery" process (business key = delivery id), in the transaction of the
 * process step that caused the event. The process waits at once in its external task, so the
 * caller's transaction gains rows and an external task, never an HTTP call; once it commits, the
 * {@link WebhookWorker} is woken.
 */
@Service
public class WebhookPublisher {

    private static final Logger log = LoggerFactory.getLogger(WebhookPublisher.class);

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final ProspectRepository prospects;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final LeadClock clock;
    private final WebhookWorker worker;

    WebhookPublisher(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, ProspectRepository prospects,
            RuntimeService runtime, ObjectMapper json, LeadClock clock, WebhookWorker worker) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.prospects = prospects;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
        this.worker = worker;
    }

    @EventListener
    @Order(Reactions.WEBHOOKS)
    void on(LeadOffered offered) {
        publish(WebhookEvent.LEAD_OFFERED, offered.lead(), offered.partnerId(), offered.acceptDueAt(), null);
    }

    /** The body names why as a code such as ACCEPT_SLA_MISSED, never another partner's name. */
    @EventListener
    @Order(Reactions.WEBHOOKS)
    void on(LeadWithdrawn withdrawn) {
        publish(WebhookEvent.LEAD_WITHDRAWN, withdrawn.lead(), withdrawn.partnerId(), null, withdrawn.reason());
    }

    @EventListener
    @Order(Reactions.WEBHOOKS)
    void on(AcceptReminded reminded) {
        publish(WebhookEvent.ACCEPT_REMINDER, reminded.lead(), reminded.partnerId(), reminded.acceptDueAt(), null);
    }

    private void publish(WebhookEvent event, Lead lead, String partnerId, Instant acceptDueAt, String reason) {
        List<Webhook> subscribed = webhooks.ofPartnerOldestFirst(partnerId).stream()
                .filter(w -> w.wants(event))
                .toList();
        if (subscribed.isEmpty()) {
            return;
        }
        Account account = prospects.account(lead.accountId());
        LeadFacts facts = new LeadFacts(account.name(), account.country(), lead.product(), lead.segment(),
                lead.grade(), acceptDueAt);
        Instant now = clock.now();
        for (Webhook webhook : subscribed) {
            String deliveryId = UUID.randomUUID().toString();
            String body = body(new Payload(event, deliveryId, now, lead.id(), partnerId, facts, reason));
            deliveries.insert(WebhookDelivery.pending(deliveryId, webhook, lead.id(), event, body, now));
            runtime.startProcessInstanceByKey(WebhookVariables.PROCESS_KEY, deliveryId);
            log.info("lead {}: {} for partner {} queued as delivery {} to webhook {}", lead.id(), event, partnerId,
                    deliveryId, webhook.id());
        }
        worker.wakeUpAfterCommit();
    }

    private String body(Payload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload cannot be written as JSON", e);
        }
    }

    /** The JSON body of a delivery. Only the facts the partner sees in its offer mail, never another partner's. */
    record Payload(WebhookEvent event, String deliveryId, Instant occurredAt, long leadId, String partnerId,
            LeadFacts lead, String reason) {
    }

    /** The lead as the partner may see it. {@code acceptDueAt} is left out of a withdrawal. */
    record LeadFacts(String company, String country, String product, String segment, String grade,
            Instant acceptDueAt) {
    }
}
