package io.leadbridge.routing;

import io.leadbridge.support.LeadbridgeTest;

/** {@link PartnerSelectionTimings} on the embedded H2 database: {@code ./mvnw -Pbenchmark test -Dtest=PartnerSelectionBenchmark}. */
@LeadbridgeTest
class PartnerSelectionBenchmark extends PartnerSelectionTimings {
}
