/**
 * Points for lead events into the ledger ({@code PointsAwarding}, hearing every {@code LeadEvent}),
 * the leaderboard and the ledger's API.
 */
@ApplicationModule(displayName = "Rewards")
package io.leadbridge.rewards;

import org.springframework.modulith.ApplicationModule;
