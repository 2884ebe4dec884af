package io.leadbridge.routing;

import io.leadbridge.support.PostgresTest;

/**
 * {@link PartnerSelectionTimings} on PostgreSQL (a database of the run's own):
 * {@code ./mvnw -Pbenchmark test -Dtest=PartnerSelectionPostgresBenchmark}.
 */
@PostgresTest
class PartnerSelectionPostgresBenchmark extends PartnerSelectionTimings {

    @Override
    void afterHistory() {
        jdbc.execute("analyze");
    }
}
