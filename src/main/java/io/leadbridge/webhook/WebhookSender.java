package io.leadbridge.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POSTs one delivery to its webhook, signed, and records the attempt in the delivery log. Runs in
 * the asynchronous "Deliver webhook" step: anything but a 2xx answer throws, so Camunda rolls the
 * step back and retries it later; the attempt itself is recorded in a transaction of its own so
 * that the log keeps it. A delivery already delivered (a retry after a lost commit) is not sent again.
 */
@Component
class WebhookSender {

    static final String DELIVERY_HEADER = "X-Leadbridge-Delivery";
    static final String EVENT_HEADER = "X-Leadbridge-Event";
    static final String SIGNATURE_HEADER = "X-Leadbridge-Signature";

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookRepository webhooks;
    private final WebhookProperties properties;
    private final TransactionTemplate ownTransaction;
    private final HttpClient http;

    WebhookSender(WebhookRepository webhooks, WebhookProperties properties, PlatformTransactionManager transactions) {
        this.webhooks = webhooks;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void deliver(String deliveryId) {
        WebhookDelivery delivery = webhooks.delivery(deliveryId).orElse(null);
        if (delivery == null || delivery.status() == DeliveryStatus.DELIVERED) {
            log.info("webhook delivery {}: {}, nothing to send", deliveryId,
                    delivery == null ? "gone (its webhook was removed)" : "delivered already");
            return;
        }
        Webhook webhook = webhooks.findById(delivery.webhookId()).orElse(null);
        if (webhook == null) {
            log.info("webhook delivery {}: its webhook was removed, nothing to send", deliveryId);
            return;
        }
        Integer status = null;
        String error = null;
        try {
            HttpResponse<String> response = http.send(request(webhook, delivery), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status + answer(response.body());
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while waiting for the answer";
        }
        boolean delivered = error == null;
        Integer statusCode = status;
        String lastError = error;
        ownTransaction.executeWithoutResult(tx -> webhooks.recordAttempt(deliveryId, statusCode, lastError, delivered));
        if (!delivered) {
            log.warn("lead {}: {} to partner {} (delivery {}) failed: {}", delivery.leadId(), delivery.event(),
                    delivery.partnerId(), deliveryId, error);
            throw new WebhookDeliveryFailedException(
                    "webhook " + webhook.id() + " of partner " + webhook.partnerId() + " at " + webhook.url() + ": " + error);
        }
        log.info("lead {}: {} delivered to partner {} (delivery {}, HTTP {})", delivery.leadId(), delivery.event(),
                delivery.partnerId(), deliveryId, status);
    }

    private HttpRequest request(Webhook webhook, WebhookDelivery delivery) {
        return HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Leadbridge-Webhooks")
                .header(DELIVERY_HEADER, delivery.id())
                .header(EVENT_HEADER, delivery.event().name())
                .header(SIGNATURE_HEADER, WebhookSignature.sign(webhook.secret(), delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
    }

    /** The start of the partner's answer, for the log; a partner's error page can be long. */
    private static String answer(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    /** Thrown so that Camunda retries the step; its message is the job's exception message in Cockpit. */
    static class WebhookDeliveryFailedException extends RuntimeException {
        WebhookDeliveryFailedException(String message) {
            super(message);
        }
    }
}
