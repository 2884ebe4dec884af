package io.leadbridge.webhook;

/**
 * PENDING while attempts are still to come; DELIVERED once the partner answered 2xx; FAILED when
 * the last retry failed too and Camunda raised an incident (a retry from Cockpit makes it PENDING again).
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
