package io.leadbridge.webhook;

import org.springframework.data.jdbc.core.JdbcAggregateOperations;

/** {@link DeliveryInserts} through Spring Data JDBC's own insert. */
class DeliveryInsertsImpl implements DeliveryInserts {

    private final JdbcAggregateOperations aggregates;

    DeliveryInsertsImpl(JdbcAggregateOperations aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public void insert(WebhookDelivery delivery) {
        aggregates.insert(delivery);
    }
}
