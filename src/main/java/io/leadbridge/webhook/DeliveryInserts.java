package io.leadbridge.webhook;

/** Adds a delivery whose id and time are set already, which {@code save} would take for a change. */
interface DeliveryInserts {

    void insert(WebhookDelivery delivery);
}
