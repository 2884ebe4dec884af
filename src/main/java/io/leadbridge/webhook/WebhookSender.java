package io.leadbridge.webhook;

import io.leadbridge.config.LeadClock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POSTs one delivery to its webhook, signed, and records the attempt in the delivery log. Called by
 * the {@link WebhookWorker} outside any transaction, so no database connection is held while the
 * partner's server is waited for; the attempt is recorded in a short transaction of its own.
 * Anything but a 2xx answer throws, and the worker reports the failure to Camunda, which retries
 * later. A delivery already delivered (a retry after a lost completion) is not sent again.
 *
 * <p>The HTTP client resolves hosts only through {@link ReceiverAddressPolicy}, so it connects only
 * to addresses checked at this moment; it follows no redirect, uses no proxy, and never reads the
 * receiver's answer beyond its status line: the log records the status and an error class.
 */
@Component
class WebhookSender implements DisposableBean {

    static final String DELIVERY_HEADER = "X-Leadbridge-Delivery";
    static final String EVENT_HEADER = "X-Leadbridge-Event";
    static final String SIGNATURE_HEADER = "X-Leadbridge-Signature";

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final TransactionTemplate ownTransaction;
    private final LeadClock clock;
    private final CloseableHttpClient http;

    WebhookSender(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, WebhookProperties properties,
            ReceiverAddressPolicy receivers, PlatformTransactionManager transactions, LeadClock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Timeout connectTimeout = Timeout.of(properties.connectTimeout());
        Timeout requestTimeout = Timeout.of(properties.requestTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(receivers)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connectTimeout).setSocketTimeout(requestTimeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(requestTimeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    void deliver(String deliveryId) {
        WebhookDelivery delivery = deliveries.findById(deliveryId).orElse(null);
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
        HttpPost request = request(webhook, delivery);
        try {
            ClassicHttpResponse response = http.executeOpen(null, request, null);
            status = response.getCode();
            if (status < 200 || status > 299) {
                error = DeliveryError.http(status);
            }
            discardAnswer(response);
        } catch (IOException e) {
            error = DeliveryError.of(e);
        }
        boolean delivered = error == null;
        Integer statusCode = status;
        String lastError = error;
        ownTransaction.executeWithoutResult(tx -> deliveries.recordAttempt(deliveryId, statusCode, lastError, delivered,
                clock.now()));
        if (!delivered) {
            log.warn("lead {}: {} to partner {} (webhook {}, delivery {}) failed: {}", delivery.leadId(),
                    delivery.event(), delivery.partnerId(), webhook.id(), deliveryId, error);
            throw new WebhookDeliveryFailedException(
                    "webhook " + webhook.id() + " of partner " + webhook.partnerId() + ": " + error);
        }
        log.info("lead {}: {} delivered to partner {} (delivery {}, HTTP {})", delivery.leadId(), delivery.event(),
                delivery.partnerId(), deliveryId, status);
    }

    private HttpPost request(Webhook webhook, WebhookDelivery delivery) {
        HttpPost post = new HttpPost(URI.create(webhook.url()));
        post.setHeader("User-Agent", "Leadbridge-Webhooks");
        post.setHeader(DELIVERY_HEADER, delivery.id());
        post.setHeader(EVENT_HEADER, delivery.event().name());
        post.setHeader(SIGNATURE_HEADER, WebhookSignature.sign(webhook.secret(), clock.now(), delivery.payload()));
        post.setEntity(new StringEntity(delivery.payload(),
                ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return post;
    }

    /**
     * Drops the connection instead of reading the answer's body: nothing of it is kept or logged,
     * and no connection is reused (each attempt connects to the addresses checked for it).
     */
    private static void discardAnswer(ClassicHttpResponse response) throws IOException {
        if (response instanceof CloseableHttpResponse closeable) {
            closeable.close(CloseMode.IMMEDIATE);
        } else {
            response.close();
        }
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }

    /** Thrown so that the step is retried; its message is the external task's error message in Cockpit. */
    static class WebhookDeliveryFailedException extends RuntimeException {
        WebhookDeliveryFailedException(String message) {
            super(message);
        }
    }
}
